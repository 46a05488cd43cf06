/**
 * Combining the checks: run exactly those the quest asks for, weigh their scores into one
 * confidence, and decide the outcome with its reasons in plain words.
 */
import type { VerificationRules } from '../../schemas/verification';
import { geofenceCheck, timeWindowCheck, travelCheck } from './checkin';
import {
  DEFAULT_VERIFICATION_RULES,
  type CheckEvaluation,
  type VerificationInput,
  type VerificationOutcome,
  type VerificationStatus,
} from './model';
import { attestationsCheck, officerSignOffCheck, textCheck } from './people';
import { duplicatePhotoCheck, photoExifCheck } from './photo';
import { percent } from './words';

/** Runs exactly the checks this quest asks for (plus the time window, which always applies). */
export function runChecks(input: VerificationInput, rules: VerificationRules): CheckEvaluation[] {
  const asked = input.quest.rules;
  const results: CheckEvaluation[] = [];
  if (asked.checkin) results.push(geofenceCheck(input.quest, input.checkin, rules.geofence));
  results.push(timeWindowCheck(input.quest, input.receivedAt, input.checkin, rules.timeWindow));
  if (asked.checkin && input.checkin) {
    results.push(travelCheck(input.checkin, input.receivedAt, input.previousCheckin, rules.travel));
  }
  if (asked.photo) {
    results.push(photoExifCheck(input.quest, input.receivedAt, input.photo, rules.photoExif));
    if (input.photo) {
      results.push(duplicatePhotoCheck(input.photo.nearestHashDistance, rules.duplicatePhoto));
    }
  }
  if (asked.text) results.push(textCheck(input.text, rules.text));
  if (asked.attestations > 0) {
    results.push(attestationsCheck(input.attestations, asked.attestations));
  }
  // An officer's decision always counts, asked for or not: a doubtful item reaches them.
  if (asked.officerSignOff || input.officerDecision !== null) {
    results.push(officerSignOffCheck(input.officerDecision));
  }
  return results;
}

/** Weighted mean of the checks' scores, rounded to 3 places; 0 when nothing ran. */
export function combineScore(evaluations: CheckEvaluation[], rules: VerificationRules): number {
  let weighted = 0;
  let total = 0;
  for (const e of evaluations) {
    const weight = rules.weights[e.check];
    weighted += weight * e.score;
    total += weight;
  }
  return total === 0 ? 0 : Math.round((weighted / total) * 1000) / 1000;
}

/**
 * The outcome, in this order: anything that rejects outright (outside the geofence or the
 * time window, the same photo, impossible travel, missing required evidence, an officer's
 * rejection) → rejected; an officer's approval → verified; a score under `rejectBelow` →
 * rejected; any doubt or failed check → needs_review; a score under `verifyAt` →
 * needs_review; otherwise verified.
 */
export function decideOutcome(
  evaluations: CheckEvaluation[],
  score: number,
  officerDecision: VerificationInput['officerDecision'],
  rules: VerificationRules,
): { status: VerificationStatus; reasons: string[] } {
  const rejecting = evaluations.filter((e) => e.verdict === 'reject');
  if (rejecting.length) return { status: 'rejected', reasons: rejecting.map((e) => e.detail) };
  if (officerDecision === 'approve') return { status: 'verified', reasons: [] };
  const unsure = evaluations.filter((e) => e.verdict === 'doubt' || e.verdict === 'fail');
  const { verifyAt, rejectBelow } = rules.thresholds;
  if (score < rejectBelow) {
    return {
      status: 'rejected',
      reasons: [
        ...unsure.map((e) => e.detail),
        `Your evidence scored ${percent(score)}; we cannot accept evidence under ${percent(rejectBelow)}.`,
      ],
    };
  }
  if (unsure.length) return { status: 'needs_review', reasons: unsure.map((e) => e.detail) };
  if (score < verifyAt) {
    return {
      status: 'needs_review',
      reasons: [
        `Your evidence scored ${percent(score)}; we accept automatically from ${percent(verifyAt)}, so an officer will take a look.`,
      ],
    };
  }
  return { status: 'verified', reasons: [] };
}

/** The whole verification of one evidence: checks, score and outcome. Pure. */
export function verifyEvidence(
  input: VerificationInput,
  rules: VerificationRules = DEFAULT_VERIFICATION_RULES,
): VerificationOutcome {
  const evaluations = runChecks(input, rules);
  const score = combineScore(evaluations, rules);
  const { status, reasons } = decideOutcome(evaluations, score, input.officerDecision, rules);
  return {
    checks: evaluations.map((e) => ({
      check: e.check,
      passed: e.verdict === 'pass',
      detail: e.detail,
      score: e.score,
    })),
    score,
    status,
    reasons,
  };
}
