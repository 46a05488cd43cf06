import { ZVerifyEvidenceJob, type VerifyEvidenceJob } from '@govcraft/shared';
import { DEFAULT_JOB_OPTIONS, defineJob, type JobDefinition } from '../../jobs/registry';

export const VERIFY_EVIDENCE_JOB_NAME = 'evidence.verify';

/** Job ids: the evidence id for the first run, one more per attestation that arrives. */
export const verifyJobId = (evidenceId: string) => evidenceId;
// BullMQ accepts a ':' in a custom id only as exactly three parts.
export const attestationJobId = (evidenceId: string, attestations: number) =>
  `${evidenceId}:att:${attestations}`;

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
