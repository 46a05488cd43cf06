/**
 * The job that checks a "not fixed" report, on the verification queue beside evidence's
 * (same workers, same checks), and the sweep that queues again a report whose job was lost.
 */
import { z } from 'zod';
import { ZId } from '@govcraft/shared';
import {
  DEFAULT_JOB_OPTIONS,
  defineJob,
  defineSweepJob,
  type JobDefinition,
} from '../../jobs/registry';

export const ZVerifyReportJob = z.object({ reportId: ZId });
export type VerifyReportJob = z.infer<typeof ZVerifyReportJob>;

/** The first run's id; BullMQ refuses custom ids with exactly one ':'. */
export const verifyReportJobId = (reportId: string) => `not-fixed-${reportId}`;
export const requeueReportJobId = (reportId: string, round: number) =>
  `not-fixed-${reportId}-requeue-${round}`;

export const REPORT_REQUEUE_EVERY_MS = 5 * 60_000;

export function verifyReportJob(
  handle: (payload: VerifyReportJob) => Promise<unknown>,
): JobDefinition<VerifyReportJob> {
  return defineJob({
    queue: 'verification',
    name: 'not-fixed.verify',
    version: 1,
    schema: ZVerifyReportJob,
    options: DEFAULT_JOB_OPTIONS,
    worker: { lockDuration: 5_000, stalledInterval: 5_000, maxStalledCount: 20 },
    handle: (payload) => handle(payload),
  });
}

export function requeueStaleReportsJob(requeue: () => Promise<{ requeued: number }>) {
  return defineSweepJob('not-fixed.requeue-stale', REPORT_REQUEUE_EVERY_MS, requeue);
}
