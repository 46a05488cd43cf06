/**
 * Evidence, composed from its rooms: `submit` (upload), `verify` and `payout` (checks, group
 * commit, ledger), `review` (officers), `attest` (vouching), `present` (what people see) and
 * `privacy` (export, erasure). Each room gets only what it uses; this file only wires them.
 */
import path from 'node:path';
import type { Infra } from '../../context';
import { listFailedJobs } from '../../jobs/failed-jobs';
import type { AuditService } from '../audit/service';
import type { ProgressService } from '../progress/service';
import { createAttestation } from './attest';
import type { Authorise, QuestAccess, TeamOf } from './model';
import { createPayout } from './payout';
import { createPresenter } from './present';
import { createEvidencePrivacy } from './privacy';
import { createReview } from './review';
import { createLocalStorage, type BlobStorage } from './storage';
import { createSubmission } from './submit';
import { createVerifier } from './verify';

export type { SubmitInput } from './submit';

export interface EvidenceDeps {
  quests: QuestAccess;
  teamOf: TeamOf;
  progress: Pick<ProgressService, 'awardMany' | 'announce'>;
  audit: Pick<AuditService, 'record'>;
  authorise: Authorise;
  /** Defaults to files under DATA_DIR/uploads. */
  storage?: BlobStorage;
}

export function createEvidenceService(infra: Infra, deps: EvidenceDeps) {
  const storage = deps.storage ?? createLocalStorage(path.join(infra.config.DATA_DIR, 'uploads'));
  const { quests, teamOf } = deps;
  const { commitOutcomes } = createPayout(infra, deps);
  const verifier = createVerifier(infra, { quests, commitOutcomes });
  const { verifyJob } = verifier;
  const present = createPresenter(infra, { quests, teamOf, authorise: deps.authorise, storage });
  const { submit } = createSubmission(infra, { quests, storage, verifyJob });
  const { attest } = createAttestation(infra, { quests, teamOf, present, verifyJob });
  const { reviewQueue, review } = createReview(infra, { quests, commitOutcomes, present });
  const { erasePersonalData, exportFor } = createEvidencePrivacy({ storage, present });

  return {
    submit,
    verify: verifier.verify,
    get: present.get,
    photo: present.photo,
    attest,
    mine: present.mine,
    reviewQueue,
    review,
    /** Every queue's failed jobs; served with the evidence admin routes. */
    failedJobs: (limit: number) => listFailedJobs(infra.jobs, limit),
    erasePersonalData,
    exportFor,
    areaOf: present.areaOf,
    requeueStale: verifier.requeueStale,
    verifyJob,
    jobs: [verifyJob, verifier.requeueJob],
    storage,
    uploadMaxBytes: infra.config.UPLOAD_MAX_BYTES,
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
