/**
 * "Not fixed": residents report a completed quest not fixed (`submit`), each report is
 * checked like evidence and a quorum reopens the quest (`verify`); the quest's public
 * timeline is answered here with the state of the current round of reports.
 */
import { DEFAULT_REOPEN_RULES, summedWeight, type QuestTimeline } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { Actor } from '../accounts/actor';
import type { EvidencePort, QuestsPort, TeamOf } from './model';
import { createReportPrivacy } from './privacy';
import * as repo from './repo';
import { createReportSubmission } from './submit';
import { createReportVerifier } from './verify';

export interface NotFixedDeps {
  quests: QuestsPort;
  evidence: EvidencePort;
  teamOf: TeamOf;
}

export function createNotFixedService(infra: Infra, deps: NotFixedDeps) {
  const verifier = createReportVerifier(infra, deps);
  const { report } = createReportSubmission(infra, { ...deps, verifyJob: verifier.verifyJob });
  const privacy = createReportPrivacy(infra, deps);

  async function timeline(actor: Actor | null, questId: string): Promise<QuestTimeline> {
    const { quest, items } = await deps.quests.timeline(actor, questId);
    const state = await deps.quests.notFixedState(questId);
    const counting = await repo.countingReports(infra.db, questId, state.round);
    const now = infra.clock.now();
    return {
      questId,
      status: quest.status,
      items,
      notFixed: {
        open: state.reportable && state.until !== null && now <= state.until,
        completedAt: state.completedAt?.toISOString() ?? null,
        until: state.until?.toISOString() ?? null,
        windowDays: quest.reopenWindowDays,
        reports: counting.length,
        weight: summedWeight(counting.map((r) => r.weight)),
        quorumWeight: DEFAULT_REOPEN_RULES.quorumWeight,
      },
    };
  }

  return {
    report,
    timeline,
    verify: verifier.verify,
    /** For the privacy feature: the export's section and erasure in its transaction. */
    exportFor: privacy.exportFor,
    erasePersonalData: privacy.erasePersonalData,
    jobs: [verifier.verifyJob, verifier.requeueJob],
  };
}
export type NotFixedService = ReturnType<typeof createNotFixedService>;
