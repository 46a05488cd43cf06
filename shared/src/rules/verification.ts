/**
 * The evidence verification rules: each check is a small pure function with a plain-words
 * result, and `verifyEvidence` combines them into one confidence score and an outcome.
 * The modules under `verification/` hold one concern each; this file is their public face,
 * so importers name `rules/verification` and never a module inside it.
 */
export {
  DEFAULT_VERIFICATION_RULES,
  type CheckEvaluation,
  type CheckVerdict,
  type VerificationInput,
  type VerificationOutcome,
  type VerificationStatus,
} from './verification/model';
export { wordsForDistance, wordsForDuration } from './verification/words';
export { geofenceCheck, timeWindowCheck, travelCheck } from './verification/checkin';
export { duplicatePhotoCheck, photoExifCheck } from './verification/photo';
export { attestationsCheck, officerSignOffCheck, textCheck } from './verification/people';
export { combineScore, decideOutcome, runChecks, verifyEvidence } from './verification/decide';
export { describeVerificationRules } from './verification/explain';
export {
  DEFAULT_OFFLINE_CAPTURE_RULES,
  describeOfflineCapture,
  judgeCaptureTime,
  type CaptureJudgement,
  type DelayedSubmission,
} from './verification/offline';
export {
  allowanceWords,
  checkinAdvice,
  photoAdvice,
  type CheckinAdvice,
  type PhotoAdvice,
  type PhotoAdviceLevel,
} from './verification/advice';
