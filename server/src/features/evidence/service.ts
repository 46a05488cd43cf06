/**
 * Evidence, composed from its rooms: `submit` (upload), `verify` and `payout` (checks, group
 * commit, ledger), `review` (officers), `attest` (vouching), `present` (what people see) and
 * `privacy` (export, erasure). Each room gets only what it uses; this file only wires them.
 */
import type { Infra } from '../../context';
import { listFailedJobs } from '../../jobs/failed-jobs';
import type { AuditService } from '../audit/service';
import type { ProgressService } from '../progress/service';
import { createAppeals } from './appeals';
import { createAttestation } from './attest';
import type { Authorise, QuestAccess, TeamOf } from './model';
import { createPayout } from './payout';
import { createPresenter } from './present';
import { createEvidencePrivacy } from './privacy';
import { createReputation } from './reputation';
import { createReversal } from './reversal';
import { createReview } from './review';
import type { BlobStorage } from './storage';
import { createEvidenceStorage } from './storage-chooser';
import { createStrikes } from './strikes';
import { createSubmission } from './submit';
import { teamScaledQuests } from './team-evidence';
import { createVerifier } from './verify';

export type { SubmitInput } from './submit';

export interface EvidenceDeps {
  quests: QuestAccess;
  teamOf: TeamOf;
  progress: Pick<
    ProgressService,
    | 'awardMany'
    | 'announce'
    | 'reverseEvidence'
    | 'repayEvidence'
    | 'announceReversal'
    | 'ledgerForEvidence'
  >;
  audit: Pick<AuditService, 'record'>;
  authorise: Authorise;
  /** Vouching needs a confirmed email address (accounts). */
  requireVerifiedEmail: (userId: string, toDo: string) => Promise<void>;
  /** Defaults to the bucket named by S3_URL, else files under DATA_DIR/uploads. */
  storage?: BlobStorage;
}

export function createEvidenceService(infra: Infra, deps: EvidenceDeps) {
  const storage = deps.storage ?? createEvidenceStorage(infra.config);
  const { teamOf } = deps;
  const quests = teamScaledQuests(deps.quests);
  const { commitOutcomes } = createPayout(infra, deps);
  const verifier = createVerifier(infra, { quests, commitOutcomes });
  const { verifyJob } = verifier;
  const present = createPresenter(infra, { quests, teamOf, authorise: deps.authorise, storage });
  const strikes = createStrikes(infra, deps);
  const { assertMaySubmit } = strikes;
  const { submit } = createSubmission(infra, { quests, storage, verifyJob, assertMaySubmit });
  const reputation = createReputation(infra);
  const { attest } = createAttestation(infra, {
    quests,
    teamOf,
    present,
    verifyJob,
    requireVerifiedEmail: deps.requireVerifiedEmail,
    reputation,
  });
  const reversal = createReversal(infra, { ...deps, strikes });
  const appeals = createAppeals(infra, deps);
  const { reviewQueue, review } = createReview(infra, {
    quests,
    commitOutcomes,
    present,
    appeals,
    reversal,
  });
  const { erasePersonalData, exportFor } = createEvidencePrivacy({ storage, present });

  return {
    submit,
    verify: verifier.verify,
    get: present.get,
    photo: present.photo,
    attest,
    /** A resident's vouching record and the weight of their next vouch or report. */
    reputationOf: reputation.reputationOf,
    mine: present.mine,
    reviewQueue,
    review,
    /** Take back what verified evidence paid (moderators and officers); see reversal.ts. */
    rejectVerified: reversal.rejectVerified,
    appeal: appeals.appeal,
    liftSuspension: strikes.liftSuspension,
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
