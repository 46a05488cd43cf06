/**
 * Undo for cheating: a moderator or officer rejects evidence that was already verified.
 * In one transaction the evidence turns `rejected`, every ledger row it paid is taken back
 * by a compensating row (progress), the paid participations go back to `joined` (so
 * storyline progress drops with them), a strike is recorded when cheating is confirmed,
 * and the audit rows are written. After the commit the resident's screens hear the new
 * status and reason, `xp.reversed` moves the boards, and `evidence.decided` recounts
 * storylines. Rejecting again finds nothing in `verified` and writes nothing.
 */
import {
  rooms,
  type CheckResult,
  type RejectVerifiedRequest,
  type ReversalResponse,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { notFound } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import type { XpReversedFact } from '../progress/facts';
import type { ProgressService } from '../progress/service';
import * as accountability from './accountability-repo';
import { alreadyDecided, type QuestAccess } from './model';
import * as repo from './repo';
import type { Strikes } from './strikes';

export interface ReversalDeps {
  quests: Pick<QuestAccess, 'participationIn' | 'setParticipationStatuses'>;
  progress: Pick<ProgressService, 'reverseEvidence' | 'announceReversal' | 'ledgerForEvidence'>;
  audit: Pick<AuditService, 'record'>;
  strikes: Pick<Strikes, 'strike'>;
}

/**
 * The participations, in state `from`, of the people this evidence paid (and its sender).
 * Read before the transaction that moves them: on PGlite a read outside an open
 * transaction would wait for it.
 */
export async function participationsOf(
  deps: {
    quests: ReversalDeps['quests'];
    progress: Pick<ProgressService, 'ledgerForEvidence'>;
  },
  row: repo.EvidenceRow,
  from: 'completed' | 'joined',
): Promise<string[]> {
  const ledger = await deps.progress.ledgerForEvidence(row.id);
  const userIds = [...new Set([row.userId, ...ledger.map((l) => l.userId)])];
  const { participations } = await deps.quests.participationIn(row.questId, userIds);
  return [...participations.values()].filter((p) => p.status === from).map((p) => p.id);
}

/** Tells the owner's and team's screens the evidence's new status and why. */
export function emitStatus(infra: Pick<Infra, 'io'>, row: repo.EvidenceRow): void {
  const event = {
    evidenceId: row.id,
    questId: row.questId,
    status: row.status as 'verified' | 'rejected' | 'needs_review',
    checks: (row.checks as CheckResult[] | null) ?? [],
    score: row.score,
    reason: row.statusReason,
  };
  infra.io.to(rooms.user(row.userId)).emit('evidence:status', event);
  if (row.teamId) infra.io.to(rooms.team(row.teamId)).emit('evidence:status', event);
}

export function createReversal(
  infra: Pick<Infra, 'db' | 'clock' | 'io' | 'events'>,
  deps: ReversalDeps,
) {
  async function rejectVerified(
    actorId: string,
    evidenceId: string,
    input: RejectVerifiedRequest,
  ): Promise<ReversalResponse> {
    const current = await repo.findEvidence(infra.db, evidenceId);
    if (!current) throw notFound('evidence');
    const noop = { evidenceId, reversedRows: 0, xpTakenBack: 0, strike: false, suspended: false };
    if (current.status === 'rejected') return noop;
    if (current.status !== 'verified') throw alreadyDecided(current.status);
    const completed = await participationsOf(deps, current, 'completed');

    const outcome = await infra.db.transaction(async (tx) => {
      const row = await accountability.moveStatus(tx, evidenceId, 'verified', {
        status: 'rejected',
        reason: input.reason,
        reviewerId: actorId,
        at: infra.clock.now(),
      });
      if (!row) return null;
      const facts = await deps.progress.reverseEvidence(tx, {
        evidenceId,
        reason: input.reason,
        actorId,
      });
      await deps.quests.setParticipationStatuses(tx, completed, 'joined');
      const penalty = input.cheating
        ? await deps.strikes.strike(tx, {
            userId: row.userId,
            areaId: row.areaId,
            evidenceId,
            actorId,
            reason: input.reason,
          })
        : { strike: false, suspended: false };
      const xpTakenBack = -facts.reduce((sum, f) => sum + f.amount, 0);
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId,
        action: 'evidence.reverse',
        entityType: 'evidence',
        entityId: evidenceId,
        before: { status: 'verified' },
        after: {
          status: 'rejected',
          reason: input.reason,
          rows: facts.length,
          xpTakenBack,
          ...penalty,
        },
      });
      return { row, facts, xpTakenBack, ...penalty };
    });
    if (!outcome) return noop;
    await announce(outcome.row, outcome.facts);
    return {
      evidenceId,
      reversedRows: outcome.facts.length,
      xpTakenBack: outcome.xpTakenBack,
      strike: outcome.strike,
      suspended: outcome.suspended,
    };
  }

  async function announce(row: repo.EvidenceRow, facts: XpReversedFact[]): Promise<void> {
    emitStatus(infra, row);
    const { id: evidenceId, questId, areaId, userId } = row;
    await Promise.all([
      deps.progress.announceReversal(facts),
      infra.events.publish('evidence.decided', [
        { evidenceId, questId, areaId, userId, status: 'rejected' },
      ]),
    ]);
  }

  return { rejectVerified };
}
export type Reversal = ReturnType<typeof createReversal>;
