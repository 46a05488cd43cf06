import { ZVerifyEvidenceJob, type VerifyEvidenceJob } from '@govcraft/shared';
import {
  DEFAULT_JOB_OPTIONS,
  defineJob,
  defineSweepJob,
  type JobDefinition,
} from '../../jobs/registry';

export const VERIFY_EVIDENCE_JOB_NAME = 'evidence.verify';

/** Job ids: the evidence id for the first run, one more per attestation that arrives. */
export const verifyJobId = (evidenceId: string) => evidenceId;
// BullMQ accepts a ':' in a custom id only as exactly three parts.
export const attestationJobId = (evidenceId: string, attestations: number) =>
  `${evidenceId}:att:${attestations}`;
/** One re-queue per evidence per sweep round, however many nodes run the sweep. */
export const requeueJobId = (evidenceId: string, round: number) => `${evidenceId}:requeue:${round}`;

/** How often the sweep looks for evidence whose verification job was lost. */
export const REQUEUE_SWEEP_EVERY_MS = 5 * 60_000;

/**
 * The verification job. The service builds it with its own `verify` as the handler, so the
 * same definition enqueues (API nodes) and runs (worker nodes).
 */
export function verifyEvidenceJob(
  handle: (payload: VerifyEvidenceJob) => Promise<unknown>,
): JobDefinition<VerifyEvidenceJob> {
  return defineJob({
    queue: 'verification',
    name: VERIFY_EVIDENCE_JOB_NAME,
    version: 1,
    schema: ZVerifyEvidenceJob,
    options: DEFAULT_JOB_OPTIONS,
    // Verification is short and idempotent: a killed worker's jobs should come back within
    // seconds, and being picked up again after a stall is harmless.
    worker: { lockDuration: 5_000, stalledInterval: 5_000, maxStalledCount: 20 },
    handle: (payload) => handle(payload),
  });
}

/**
 * The safety net behind "every evidence ends up decided": now and then, evidence that has
 * waited long and was never judged (its job lost with a Redis failure, say) is queued again.
 * Verification is idempotent, so an extra run of a job that was merely slow costs nothing.
 */
export function requeueStaleEvidenceJob(requeue: () => Promise<{ requeued: number }>) {
  return defineSweepJob('evidence.requeue-stale', REQUEUE_SWEEP_EVERY_MS, requeue);
}
