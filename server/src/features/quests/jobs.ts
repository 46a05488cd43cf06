/**
 * The clock's two moves on a quest: activate at startsAt, close at endsAt. Each is one
 * delayed BullMQ job per quest with a stable id, so re-scheduling replaces it, a restart
 * keeps it (it lives in Redis) and a duplicate add is a no-op. The handler lives in the
 * service: it re-reads the quest and acts only if the move is still legal and due.
 */
import type { Job } from 'bullmq';
import { z } from 'zod';
import { ZId } from '@govcraft/shared';
import { defineJob, defineSweepJob, type JobDefinition } from '../../jobs/registry';

export const ZQuestLifecyclePayload = z.object({ questId: ZId });
export type QuestLifecyclePayload = z.infer<typeof ZQuestLifecyclePayload>;

export type LifecycleMove = 'activate' | 'close';

/** BullMQ refuses custom ids with one ':' (it reserves a:b:c for repeatable jobs). */
export const lifecycleJobId = (move: LifecycleMove, questId: string) => `quest-${move}-${questId}`;

export interface QuestLifecycleJobs {
  activate: JobDefinition<QuestLifecyclePayload>;
  close: JobDefinition<QuestLifecyclePayload>;
}

export function createQuestLifecycleJobs(
  run: (move: LifecycleMove, questId: string, job: Job) => Promise<unknown>,
): QuestLifecycleJobs {
  const define = (move: LifecycleMove) =>
    defineJob({
      queue: 'quest-lifecycle',
      name: `quest-${move}`,
      version: 1,
      schema: ZQuestLifecyclePayload,
      handle: (payload, job) => run(move, payload.questId, job),
    });
  return { activate: define('activate'), close: define('close') };
}

/** How often the sweep looks for quests whose activate or close job was lost. */
export const OVERDUE_SWEEP_EVERY_MS = 5 * 60_000;

/**
 * The safety net behind the delayed jobs: now and then, quests whose move is well overdue
 * (their job lost with a Redis failure, say) are moved by the same code the jobs run.
 */
export function applyOverdueMovesJob(apply: () => Promise<{ moved: number }>) {
  return defineSweepJob('quests.apply-overdue', OVERDUE_SWEEP_EVERY_MS, apply);
}
