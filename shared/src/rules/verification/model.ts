/**
 * What verification reads and answers, and the numbers it judges by. The numbers live in
 * DEFAULT_VERIFICATION_RULES (data, validated by zod) and are published by GET /api/rules,
 * so residents can see exactly how play is judged.
 */
import type { CheckResult } from '../../schemas/events';
import type { EvidenceRules } from '../../schemas/quests';
import {
  ZVerificationRules,
  type VerificationCheck,
  type VerificationRules,
} from '../../schemas/verification';

export const DEFAULT_VERIFICATION_RULES: VerificationRules = ZVerificationRules.parse({
  weights: {
    geofence: 3,
    timeWindow: 2,
    photoExif: 2,
    duplicatePhoto: 2,
    travel: 2,
    text: 1,
    attestations: 2,
    officerSignOff: 3,
  },
  thresholds: { verifyAt: 0.8, rejectBelow: 0.5 },
  geofence: { maxAccuracyAllowanceM: 50, poorAccuracyM: 100, poorAccuracyScore: 0.6 },
  timeWindow: { maxDeviceClockSkewS: 15 * 60 },
  photoExif: { timeSlackH: 14, extraDistanceM: 200, missingExifScore: 0.5 },
  duplicatePhoto: { sameMaxDistance: 2, similarMaxDistance: 10 },
  travel: { maxSpeedKmh: 120, ignoreBelowM: 500, maxFixSlackM: 500, unconfirmedScore: 0.4 },
  text: { minChars: 3 },
});

export interface VerificationInput {
  quest: {
    lat: number;
    lng: number;
    radiusM: number;
    startsAt: Date;
    endsAt: Date;
    rules: EvidenceRules;
  };
  /** Server time the evidence arrived; the only clock the verifier fully trusts. */
  receivedAt: Date;
  checkin: {
    lat: number;
    lng: number;
    accuracyM: number;
    deviceTime: Date;
    /** A second fix taken a few seconds later; when it agrees, the position is not a glitch. */
    confirmingFix?: { lat: number; lng: number; accuracyM: number } | null;
  } | null;
  photo: {
    takenAt: Date | null;
    lat: number | null;
    lng: number | null;
    hasExif: boolean;
    /** Hamming distance to the closest earlier photo in the area; null when none. */
    nearestHashDistance: number | null;
  } | null;
  text: string | null;
  /** This resident's previous check-in anywhere; `at` is when the server received it. */
  previousCheckin: { lat: number; lng: number; at: Date; accuracyM?: number } | null;
  /** Other residents who vouched for this evidence, each weighed by rules/reputation. */
  attestations: number;
  officerDecision: 'approve' | 'reject' | null;
}

export type VerificationStatus = 'verified' | 'rejected' | 'needs_review';

export interface VerificationOutcome {
  checks: CheckResult[];
  /** 0..1 weighted confidence over the checks that ran. */
  score: number;
  status: VerificationStatus;
  /** Why it was rejected or sent to an officer, in plain words; empty when verified. */
  reasons: string[];
}

/**
 * How a check ended: `pass`; `doubt` (a person should look); `fail` (counts against the
 * score and needs a person); `reject` (fails the evidence whatever the score).
 */
export type CheckVerdict = 'pass' | 'doubt' | 'fail' | 'reject';

export interface CheckEvaluation {
  check: VerificationCheck;
  verdict: CheckVerdict;
  /** 0..1 confidence this check gives. */
  score: number;
  detail: string;
}

export const evaluation = (
  check: VerificationCheck,
  verdict: CheckVerdict,
  score: number,
  detail: string,
): CheckEvaluation => ({ check, verdict, score, detail });
