/**
 * Officers: the queue of evidence that needs a person's look, and their decisions, which
 * go through the same verifier (with the decision as input) and the same commit. Evidence
 * under appeal is decided by the appeal's rules; rejecting evidence already verified takes
 * its XP back (reversal.ts) instead of answering 409.
 */
import type { EvidenceStatus, Quest, ReviewDecisionRequest } from '@govcraft/shared';
import type { Infra } from '../../context';
import { notFound } from '../../lib/errors';
import { judge, verificationInput } from './judge';
import { alreadyDecided, REVIEWABLE, toView, type QuestAccess } from './model';
import type { CommitOutcomes } from './payout';
import type { Appeals } from './appeals';
import type { EvidencePresenter } from './present';
import * as repo from './repo';
import type { Reversal } from './reversal';

export interface ReviewDeps {
  quests: Pick<QuestAccess, 'get'>;
  commitOutcomes: CommitOutcomes;
  present: Pick<EvidencePresenter, 'viewOf'>;
  appeals: Pick<Appeals, 'decide'>;
  reversal: Pick<Reversal, 'rejectVerified'>;
}

export function createReview(infra: Pick<Infra, 'db'>, deps: ReviewDeps) {
  async function reviewQueue(areaId: string, limit: number) {
    const rows = await repo.listForReview(infra.db, areaId, limit);
    const counts = await repo.attestationCounts(
      infra.db,
      rows.map((r) => r.evidence.id),
    );
    const quests = new Map<string, Quest>();
    const items = [];
    for (const { evidence: row, submitterName } of rows) {
      const quest = quests.get(row.questId) ?? (await deps.quests.get(row.questId));
      quests.set(quest.id, quest);
      items.push({
        ...toView(row, counts.get(row.id) ?? 0, quest.evidenceRules.attestations),
        questTitle: quest.title,
        quest: quest.location,
        submitterName,
      });
    }
    return { items };
  }

  async function review(reviewerId: string, evidenceId: string, input: ReviewDecisionRequest) {
    const loaded = await repo.loadForVerification(infra.db, evidenceId);
    if (!loaded) throw notFound('evidence');
    const row = loaded.evidence;
    const quest = await deps.quests.get(row.questId);
    if (row.status === 'verified' && input.decision === 'reject') {
      await deps.reversal.rejectVerified(reviewerId, evidenceId, {
        reason: input.reason,
        cheating: false,
      });
      return deps.present.viewOf((await repo.findEvidence(infra.db, evidenceId))!, quest);
    }
    const appealed = await deps.appeals.decide(reviewerId, evidenceId, input);
    if (appealed) return deps.present.viewOf(appealed, quest);
    if (!REVIEWABLE.includes(row.status as EvidenceStatus)) throw alreadyDecided(row.status);
    const outcome = judge(verificationInput(loaded, quest, input.decision));
    const [saved] = await deps.commitOutcomes([
      { row, quest, outcome, review: { reviewerId, ...input } },
    ]);
    if (!saved) throw alreadyDecided(row.status);
    return deps.present.viewOf(saved, quest);
  }

  return { reviewQueue, review };
}
