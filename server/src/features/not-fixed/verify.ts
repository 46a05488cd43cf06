/**
 * The worker's side of reports: judge one report by the evidence checks, record the
 * outcome, and when the verified reports of its round reach the published quorum (summed
 * reputation weight and distinct residents), reopen the quest. Safe to run any number of
 * times: a decision is recorded only from `pending`, and a round reopens once.
 */
import { DEFAULT_REOPEN_RULES, quorumReached, summedWeight } from '@govcraft/shared';
import type { Infra } from '../../context';
import { judgeReport } from './judge';
import {
  requeueReportJobId,
  requeueStaleReportsJob,
  REPORT_REQUEUE_EVERY_MS,
  verifyReportJob,
  type VerifyReportJob,
} from './jobs';
import type { QuestsPort } from './model';
import * as repo from './repo';

const STALE_AFTER_MS = 10 * 60_000;
const REQUEUE_BATCH = 500;

export interface VerifyReportDeps {
  quests: Pick<QuestsPort, 'notFixedState' | 'reopen'>;
}

export function createReportVerifier(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'logger'>,
  deps: VerifyReportDeps,
) {
  const verifyJob = verifyReportJob((payload) => verify(payload));

  async function verify({ reportId }: VerifyReportJob): Promise<{ status: string }> {
    const loaded = await repo.loadForVerification(infra.db, reportId);
    if (!loaded) return { status: 'missing' };
    const { report } = loaded;
    if (report.status !== 'pending') return { status: report.status };
    const state = await deps.quests.notFixedState(report.questId);
    if (state.round !== report.round) {
      // Reopened meanwhile (by other reports or an officer): this report's point was made.
      await repo.decide(infra.db, report.id, {
        status: 'upheld',
        statusReason: 'the quest was reopened',
        decidedAt: infra.clock.now(),
      });
      return { status: 'upheld' };
    }
    if (!state.completedAt || !state.until) return { status: 'pending' };
    const outcome = judgeReport(report, loaded.nearestHashDistance, state.quest, {
      from: state.completedAt,
      until: state.until,
    });
    const saved = await repo.decide(infra.db, report.id, {
      status: outcome.status,
      checks: outcome.checks,
      score: outcome.score,
      statusReason: outcome.reasons.join(' ') || null,
      decidedAt: infra.clock.now(),
    });
    if (saved?.status === 'verified') await reopenIfQuorum(report.questId, report.round);
    return { status: saved?.status ?? 'already-decided' };
  }

  /** Reopens the quest when its round's verified reports weigh enough together. */
  async function reopenIfQuorum(questId: string, round: number): Promise<boolean> {
    const counting = await repo.countingReports(infra.db, questId, round);
    const weights = counting.map((r) => r.weight);
    if (!quorumReached(weights)) return false;
    const total = summedWeight(weights);
    const reopened = await deps.quests.reopen({
      questId,
      round,
      actorId: null,
      by: 'residents',
      reason: `${counting.length} residents reported it not fixed (their reports weigh ${total}; ${DEFAULT_REOPEN_RULES.quorumWeight} reopens a quest)`,
    });
    if (reopened) {
      await repo.markUpheld(
        infra.db,
        counting.map((r) => r.id),
      );
    }
    return reopened !== null;
  }

  async function requeueStale(now: Date = infra.clock.now()): Promise<{ requeued: number }> {
    const ids = await repo.listStalePending(
      infra.db,
      new Date(now.getTime() - STALE_AFTER_MS),
      REQUEUE_BATCH,
    );
    const round = Math.floor(now.getTime() / REPORT_REQUEUE_EVERY_MS);
    for (const reportId of ids) {
      await infra.jobs.add(verifyJob, { reportId }, { jobId: requeueReportJobId(reportId, round) });
    }
    return { requeued: ids.length };
  }
  const requeueJob = requeueStaleReportsJob(() => requeueStale());

  return { verify, verifyJob, requeueJob, reopenIfQuorum };
}
