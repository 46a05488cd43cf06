/**
 * One appeal per evidence against XP taken back. An appeal puts the evidence back in the
 * officers' review queue (`needs_review`, with the appeal as its reason); the officer's
 * decision on it goes through the same review route. Upheld: the evidence is verified
 * again, what was taken back is paid once more through new ledger rows (never by undoing
 * the reversal), participations are completed again and the strike it brought is lifted.
 * Dismissed: the evidence is rejected again and stays so.
 */
import type { AppealResponse, ReviewDecisionRequest } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import type { ProgressService } from '../progress/service';
import * as accountability from './accountability-repo';
import * as repo from './repo';
import { emitStatus, participationsOf, type ReversalDeps } from './reversal';

export interface AppealDeps {
  quests: ReversalDeps['quests'];
  progress: Pick<ProgressService, 'repayEvidence' | 'announce' | 'ledgerForEvidence'>;
  audit: Pick<AuditService, 'record'>;
}

const nothingToAppeal = () =>
  new AppError('conflict', 'only evidence whose XP was taken back can be appealed');

export function createAppeals(
  infra: Pick<Infra, 'db' | 'clock' | 'io' | 'events'>,
  deps: AppealDeps,
) {
  async function appeal(
    userId: string,
    evidenceId: string,
    reason: string,
  ): Promise<AppealResponse> {
    const current = await repo.findEvidence(infra.db, evidenceId);
    if (!current) throw notFound('evidence');
    if (current.userId !== userId) throw forbidden('only the person who sent it can appeal');
    if (current.status !== 'rejected' || !(await accountability.wasReversed(infra.db, evidenceId)))
      throw nothingToAppeal();
    const row = await infra.db.transaction(async (tx) => {
      const filed = await accountability.insertAppeal(tx, {
        evidenceId,
        userId,
        areaId: current.areaId,
        reason,
      });
      if (!filed) throw new AppError('conflict', 'this evidence has already been appealed once');
      const moved = await accountability.moveStatus(tx, evidenceId, 'rejected', {
        status: 'needs_review',
        reason: `Appeal: ${reason} (XP taken back: ${current.statusReason ?? 'no reason given'})`,
        reviewerId: current.reviewerId ?? userId,
        at: infra.clock.now(),
      });
      if (!moved) throw nothingToAppeal();
      await deps.audit.record(tx, {
        areaId: current.areaId,
        actorId: userId,
        action: 'evidence.appeal',
        entityType: 'evidence',
        entityId: evidenceId,
        before: { status: 'rejected' },
        after: { status: 'needs_review', reason },
      });
      return moved;
    });
    emitStatus(infra, row);
    return { evidenceId, status: 'open' };
  }

  /**
   * An officer's decision on evidence under appeal; null when the evidence has no open
   * appeal (the caller decides it as ordinary evidence).
   */
  async function decide(
    reviewerId: string,
    evidenceId: string,
    input: ReviewDecisionRequest,
  ): Promise<repo.EvidenceRow | null> {
    const open = await accountability.openAppealOf(infra.db, evidenceId);
    if (!open) return null;
    const upheld = input.decision === 'approve';
    const now = infra.clock.now();
    const current = await repo.findEvidence(infra.db, evidenceId);
    const toComplete = upheld && current ? await participationsOf(deps, current, 'joined') : [];
    const result = await infra.db.transaction(async (tx) => {
      const closed = await accountability.decideAppeal(tx, open.id, {
        status: upheld ? 'upheld' : 'dismissed',
        by: reviewerId,
        reason: input.reason,
        at: now,
      });
      if (!closed) return null;
      const row = await accountability.moveStatus(tx, evidenceId, 'needs_review', {
        status: upheld ? 'verified' : 'rejected',
        reason: upheld ? null : input.reason,
        reviewerId,
        at: now,
      });
      if (!row) throw new AppError('conflict', 'this evidence is no longer under appeal');
      const facts = upheld
        ? await deps.progress.repayEvidence(tx, {
            evidenceId,
            reason: `appeal upheld: ${input.reason}`,
            actorId: reviewerId,
          })
        : [];
      if (upheld) {
        await deps.quests.setParticipationStatuses(tx, toComplete, 'completed');
        await accountability.liftStrikeOf(tx, evidenceId, now);
      }
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId: reviewerId,
        action: upheld ? 'evidence.appeal-uphold' : 'evidence.appeal-dismiss',
        entityType: 'evidence',
        entityId: evidenceId,
        before: { status: 'needs_review' },
        after: { status: row.status, reason: input.reason, repaidRows: facts.length },
      });
      return { row, facts };
    });
    if (!result) throw new AppError('conflict', 'this appeal has already been decided');
    emitStatus(infra, result.row);
    const { id, questId, areaId, userId } = result.row;
    await Promise.all([
      deps.progress.announce(result.facts),
      infra.events.publish('evidence.decided', [
        { evidenceId: id, questId, areaId, userId, status: upheld ? 'verified' : 'rejected' },
      ]),
    ]);
    return result.row;
  }

  return { appeal, decide };
}
export type Appeals = ReturnType<typeof createAppeals>;
