/**
 * The integration jobs, on their own queue so a slow remote delays nothing else: a sweep
 * that queues due polls, the poll of one connection (one batch; the next batch follows as
 * its own job), and the push of one status back.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/registry';

export const POLL_SWEEP_EVERY_MS = 30_000;
/** Batches of one poll are spaced out, to be gentle with the remote. */
export const NEXT_BATCH_DELAY_MS = 1_000;

export const ZPollPayload = z.object({ connectionId: z.uuid() }).strict();
export const ZPushPayload = z.object({ pushId: z.uuid() }).strict();

export const pollJobId = (connectionId: string, tag: string) =>
  `integration-poll-${connectionId}-${tag}`;
export const freshTag = () => randomUUID();
export const pushJobId = (pushId: string, attempt: number) =>
  `integration-push-${pushId}-${attempt}`;

export function createIntegrationJobs(handlers: {
  sweep: () => Promise<unknown>;
  poll: (connectionId: string) => Promise<unknown>;
  push: (pushId: string, job: Parameters<JobDefinition<unknown>['handle']>[1]) => Promise<unknown>;
}) {
  const sweep = defineJob({
    queue: 'integrations',
    name: 'integrations-poll-sweep',
    version: 1,
    schema: z.object({}).strict(),
    options: { attempts: 1 },
    repeat: { everyMs: POLL_SWEEP_EVERY_MS, payload: {} },
    handle: () => handlers.sweep(),
  });
  const poll = defineJob({
    queue: 'integrations',
    name: 'integration-poll',
    version: 1,
    schema: ZPollPayload,
    // A failed poll has already paused its connection; the sweep asks again when due.
    options: { attempts: 2, backoff: { type: 'exponential', delay: 5_000 } },
    handle: (p) => handlers.poll(p.connectionId),
  });
  const push = defineJob({
    queue: 'integrations',
    name: 'integration-push',
    version: 1,
    schema: ZPushPayload,
    options: { attempts: 6, backoff: { type: 'exponential', delay: 2_000 } },
    handle: (p, job) => handlers.push(p.pushId, job),
  });
  return { sweep, poll, push };
}
