/**
 * The one place outcomes are written: status (only from an allowed state, so repeats do
 * nothing), ledger rows when verified, participations, and the audit row for an officer's
 * decision, all in one transaction whether it holds one evidence or a worker's whole group.
 * Announcements go out after the commit.
 */
import { rooms, type CheckResult, type EvidenceStatus, type Quest } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { AuditService } from '../audit/service';
import type { AwardRecipient, ProgressService } from '../progress/service';
import type { EvidenceDecidedFact } from './facts';
import type { Outcome } from './judge';
import { REVIEWABLE, type QuestAccess, type TeamOf } from './model';
import * as repo from './repo';

export interface PayoutDeps {
  quests: Pick<QuestAccess, 'participationIn' | 'setParticipationStatuses'>;
  teamOf: TeamOf;
  progress: Pick<ProgressService, 'awardMany' | 'announce'>;
  audit: Pick<AuditService, 'record'>;
}

export interface Review {
  reviewerId: string;
  decision: 'approve' | 'reject';
  reason: string;
}

/** One evidence's judged outcome on its way to the database. */
export interface Judged {
  row: repo.EvidenceRow;
  quest: Quest;
  outcome: Outcome;
  review: Review | null;
}

type Recipient = AwardRecipient & { participationId: string | null };

function decisionOf({ row, outcome, review }: Judged, now: Date): repo.DecisionWrite {
  const statusReason =
    outcome.status === 'verified'
      ? null
      : review?.decision === 'reject'
        ? review.reason
        : outcome.reasons.join(' ') || null;
  return {
    id: row.id,
    from: review ? [...REVIEWABLE] : ['pending'],
    decision: {
      status: outcome.status,
      checks: outcome.checks,
      score: outcome.score,
      statusReason,
      decidedAt: outcome.status === 'pending' ? null : now,
      ...(review ? { reviewerId: review.reviewerId, reviewReason: review.reason } : {}),
    },
  };
}

function auditEntry(judged: Judged, row: repo.EvidenceRow, review: Review) {
  return {
    areaId: row.areaId,
    actorId: review.reviewerId,
    action: 'evidence.review',
    entityType: 'evidence',
    entityId: row.id,
    before: { status: judged.row.status },
    after: { status: row.status, decision: review.decision, reason: review.reason },
  };
}

export function createPayout(
  infra: Pick<Infra, 'db' | 'clock' | 'io' | 'events'>,
  deps: PayoutDeps,
) {
  /** Who a verified evidence pays: the whole team for a team quest, else the submitter. */
  async function recipientsOf(row: repo.EvidenceRow, quest: Quest): Promise<Recipient[]> {
    const submitter = [
      { userId: row.userId, teamId: row.teamId, participationId: row.participationId },
    ];
    if (quest.teamSize === null || !row.teamId) return submitter;
    const team = await deps.teamOf(row.areaId, row.userId);
    if (!team || team.teamId !== row.teamId) return submitter;
    const others = team.memberIds.filter((id) => id !== row.userId);
    const { participations } = await deps.quests.participationIn(quest.id, others);
    return [
      ...submitter,
      ...others.map((userId) => {
        const p = participations.get(userId);
        return {
          userId,
          teamId: row.teamId,
          participationId: p && p.status !== 'left' ? p.id : null,
        };
      }),
    ];
  }

  /** Answers the saved row per input, null where the evidence had already been decided. */
  async function commitOutcomes(items: readonly Judged[]): Promise<(repo.EvidenceRow | null)[]> {
    if (items.length === 0) return [];
    const recipients = await Promise.all(
      items.map((j) => (j.outcome.status === 'verified' ? recipientsOf(j.row, j.quest) : [])),
    );
    const now = infra.clock.now();
    const { saved, facts } = await infra.db.transaction(async (tx) => {
      const rows = await repo.recordDecisions(
        tx,
        items.map((j) => decisionOf(j, now)),
      );
      const savedById = new Map(rows.map((r) => [r.id, r]));
      const changed = items.flatMap((judged, i) => {
        const row = savedById.get(judged.row.id);
        return row ? [{ judged, row, recipients: recipients[i]! }] : [];
      });
      for (const { judged, row } of changed) {
        if (judged.review) await deps.audit.record(tx, auditEntry(judged, row, judged.review));
      }
      const verified = changed.filter((c) => c.row.status === 'verified');
      const facts = await deps.progress.awardMany(
        tx,
        verified.map(({ judged, recipients: paid }) => ({
          evidenceId: judged.row.id,
          questId: judged.quest.id,
          areaId: judged.row.areaId,
          xp: judged.quest.xp,
          superpowers: judged.quest.superpowers,
          recipients: paid,
          reason: judged.review ? 'approved by an officer' : 'verified by checks',
        })),
      );
      await deps.quests.setParticipationStatuses(
        tx,
        verified.flatMap((c) => c.recipients.flatMap((r) => r.participationId ?? [])),
        'completed',
      );
      // Not accepted: the resident may try again with better evidence.
      await deps.quests.setParticipationStatuses(
        tx,
        changed.filter((c) => c.row.status === 'rejected').map((c) => c.row.participationId),
        'joined',
      );
      return { saved: items.map((j) => savedById.get(j.row.id) ?? null), facts };
    });
    await announce(
      saved.filter((row) => row !== null),
      facts,
    );
    return saved;
  }

  /** After commit: each decision to its resident's and team's screens, facts to listeners. */
  async function announce(
    rows: repo.EvidenceRow[],
    facts: Awaited<ReturnType<PayoutDeps['progress']['awardMany']>>,
  ): Promise<void> {
    const decided: EvidenceDecidedFact[] = [];
    for (const row of rows) {
      const status = row.status as EvidenceStatus;
      const event = {
        evidenceId: row.id,
        questId: row.questId,
        status,
        checks: (row.checks as CheckResult[] | null) ?? [],
        score: row.score,
        reason: row.statusReason,
      };
      infra.io.to(rooms.user(row.userId)).emit('evidence:status', event);
      if (row.teamId) infra.io.to(rooms.team(row.teamId)).emit('evidence:status', event);
      if (status !== 'pending') {
        const { id: evidenceId, questId, areaId, userId } = row;
        decided.push({ evidenceId, questId, areaId, userId, status });
      }
    }
    await Promise.all([
      deps.progress.announce(facts),
      decided.length > 0 ? infra.events.publish('evidence.decided', decided) : undefined,
    ]);
  }

  return { commitOutcomes };
}
export type CommitOutcomes = ReturnType<typeof createPayout>['commitOutcomes'];
