/**
 * The worker's side: verification jobs are gathered into groups (see lib/group-commit), each
 * group loaded in one query, judged by the pure rules and committed in one transaction; a
 * sweep queues again the evidence whose job was lost.
 */
import type { Quest, VerifyEvidenceJob } from '@govcraft/shared';
import type { Infra } from '../../context';
import { groupCommit } from '../../lib/group-commit';
import {
  REQUEUE_SWEEP_EVERY_MS,
  requeueJobId,
  requeueStaleEvidenceJob,
  verifyEvidenceJob,
} from './jobs';
import { judge, verificationInput } from './judge';
import type { QuestAccess } from './model';
import type { CommitOutcomes, Judged } from './payout';
import * as repo from './repo';

export interface VerifyDeps {
  quests: Pick<QuestAccess, 'get'>;
  commitOutcomes: CommitOutcomes;
}

const QUEST_CACHE_MS = 2_000;
/** Enough to keep a transaction short while amortising it over a busy worker's jobs. */
const MAX_VERIFICATION_GROUP = 64;
/** Never judged after this long: its job is presumed lost (a healthy queue takes seconds). */
const STALE_AFTER_MS = 10 * 60_000;
const REQUEUE_BATCH = 1000;

export function createVerifier(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'logger'>,
  deps: VerifyDeps,
) {
  const verifyJob = verifyEvidenceJob((payload) => verify(payload));

  // Quests change rarely while evidence for them is checked; a few seconds of staleness
  // saves two queries per verification.
  const questCache = new Map<string, { quest: Quest; until: number }>();
  async function questForVerification(questId: string): Promise<Quest> {
    const now = Date.now();
    const hit = questCache.get(questId);
    if (hit && hit.until > now) return hit.quest;
    const quest = await deps.quests.get(questId);
    if (questCache.size > 1000) questCache.clear();
    questCache.set(questId, { quest, until: now + QUEST_CACHE_MS });
    return quest;
  }

  /**
   * Verifies a group of evidence: one query loads them all, each is judged by the pure
   * rules, one transaction commits every outcome. An id named twice (a first run and an
   * attestation re-run meeting in one group) is judged once, on its latest state.
   */
  async function verifyMany(evidenceIds: readonly string[]): Promise<{ status: string }[]> {
    const loaded = await repo.loadManyForVerification(infra.db, [...new Set(evidenceIds)]);
    const loadedById = new Map(loaded.map((l) => [l.evidence.id, l]));
    const judged = await Promise.all(
      loaded
        .filter((l) => l.evidence.status === 'pending')
        .map(async (l): Promise<Judged> => {
          const quest = await questForVerification(l.evidence.questId);
          const outcome = judge(verificationInput(l, quest, null));
          return { row: l.evidence, quest, outcome, review: null };
        }),
    );
    const saved = await deps.commitOutcomes(judged);
    const statusById = new Map(
      judged.map((j, i) => [j.row.id, saved[i]?.status ?? 'already-decided']),
    );
    return evidenceIds.map((id) => {
      const l = loadedById.get(id);
      // Gone (upload undone, account erased with its quest) or already decided: nothing to do.
      if (!l) return { status: 'missing' };
      return { status: statusById.get(id) ?? l.evidence.status };
    });
  }

  // Jobs that arrive while a group commits wait for the next group (see lib/group-commit).
  const verifyInGroups = groupCommit(verifyMany, {
    maxGroup: MAX_VERIFICATION_GROUP,
    maxInFlight: 2,
  });

  /** The worker's job: verify one evidence. Safe to run any number of times. */
  async function verify(payload: VerifyEvidenceJob): Promise<{ status: string }> {
    return verifyInGroups(payload.evidenceId);
  }

  /**
   * Queues again the evidence submitted before `now - STALE_AFTER_MS` that was never judged.
   * Job ids carry the sweep round, so two nodes sweeping at once queue each evidence once.
   */
  async function requeueStale(now: Date = infra.clock.now()): Promise<{ requeued: number }> {
    const before = new Date(now.getTime() - STALE_AFTER_MS);
    const ids = await repo.listNeverJudged(infra.db, before, REQUEUE_BATCH);
    const round = Math.floor(now.getTime() / REQUEUE_SWEEP_EVERY_MS);
    for (const evidenceId of ids) {
      await infra.jobs.add(
        verifyJob,
        { evidenceId, trigger: 'requeue' },
        { jobId: requeueJobId(evidenceId, round) },
      );
    }
    if (ids.length > 0)
      infra.logger.warn({ requeued: ids.length }, 'queued verification again for stale evidence');
    return { requeued: ids.length };
  }
  const requeueJob = requeueStaleEvidenceJob(() => requeueStale());

  return { verify, requeueStale, verifyJob, requeueJob };
}
