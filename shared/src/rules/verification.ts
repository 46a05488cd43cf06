/**
 * The evidence verification rules: each check is a small pure function with a plain-words
 * result, and `verifyEvidence` combines them into one confidence score and an outcome.
 * The numbers live in DEFAULT_VERIFICATION_RULES (data, validated by zod) and are
 * published by GET /api/rules, so residents can see exactly how play is judged.
 */
import { checkGeofence, haversineMetres } from '../geo/distance';
import type { CheckResult } from '../schemas/events';
import type { EvidenceRules } from '../schemas/quests';
import {
  ZVerificationRules,
  type CheckDescription,
  type RulesResponse,
  type VerificationCheck,
  type VerificationRules,
} from '../schemas/verification';

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
  travel: { maxSpeedKmh: 120, ignoreBelowM: 500 },
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
  checkin: { lat: number; lng: number; accuracyM: number; deviceTime: Date } | null;
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
  previousCheckin: { lat: number; lng: number; at: Date } | null;
  /** Other residents who vouched for this evidence. */
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

// ---- plain-words formatting -------------------------------------------------

/** "12 m", "850 m", "3.4 km". */
export function wordsForDistance(metres: number): string {
  if (metres < 1000) return `${Math.round(metres)} m`;
  return `${(metres / 1000).toFixed(metres < 10_000 ? 1 : 0)} km`;
}

/** "40 s", "3 min", "2 h", "3 days": the largest unit that fits, rounded. */
export function wordsForDuration(ms: number): string {
  const s = Math.abs(ms) / 1000;
  if (s < 60) return `${Math.round(s)} s`;
  if (s < 3600) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

// ---- the checks ---------------------------------------------------------------

const evaluation = (
  check: VerificationCheck,
  verdict: CheckVerdict,
  score: number,
  detail: string,
): CheckEvaluation => ({ check, verdict, score, detail });

/** Inside the quest's circle, allowing for the phone's reported accuracy up to a cap. */
export function geofenceCheck(
  quest: VerificationInput['quest'],
  checkin: VerificationInput['checkin'],
  rules: VerificationRules['geofence'],
): CheckEvaluation {
  if (!checkin) {
    return evaluation(
      'geofence',
      'reject',
      0,
      'You did not check in, and this quest needs a check-in at the spot.',
    );
  }
  const fence = checkGeofence(
    quest,
    quest.radiusM,
    checkin,
    checkin.accuracyM,
    rules.maxAccuracyAllowanceM,
  );
  const where = `You checked in ${wordsForDistance(fence.distanceM)} from the spot (allowed ${wordsForDistance(fence.allowedM)}).`;
  if (!fence.inside) return evaluation('geofence', 'reject', 0, where);
  if (checkin.accuracyM > rules.poorAccuracyM) {
    return evaluation(
      'geofence',
      'pass',
      rules.poorAccuracyScore,
      `${where} Your phone only knew its place to within ${wordsForDistance(checkin.accuracyM)}, so this counts for a little less.`,
    );
  }
  return evaluation('geofence', 'pass', 1, where);
}

/** Sent while the quest was open; the phone's clock close to ours. */
export function timeWindowCheck(
  quest: VerificationInput['quest'],
  receivedAt: Date,
  checkin: VerificationInput['checkin'],
  rules: VerificationRules['timeWindow'],
): CheckEvaluation {
  const received = receivedAt.getTime();
  if (received < quest.startsAt.getTime()) {
    return evaluation(
      'timeWindow',
      'reject',
      0,
      `You sent this ${wordsForDuration(quest.startsAt.getTime() - received)} before the quest opened.`,
    );
  }
  if (received > quest.endsAt.getTime()) {
    return evaluation(
      'timeWindow',
      'reject',
      0,
      `You sent this ${wordsForDuration(received - quest.endsAt.getTime())} after the quest closed.`,
    );
  }
  const inside = 'You sent this while the quest was open.';
  if (checkin) {
    const skewMs = checkin.deviceTime.getTime() - received;
    if (Math.abs(skewMs) > rules.maxDeviceClockSkewS * 1000) {
      const side = skewMs < 0 ? 'behind' : 'ahead of';
      return evaluation(
        'timeWindow',
        'doubt',
        0.5,
        `${inside} Your phone's clock was ${wordsForDuration(skewMs)} ${side} ours, so an officer will take a look.`,
      );
    }
  }
  return evaluation('timeWindow', 'pass', 1, inside);
}

/** When and where the camera says the photo was taken, if it says. */
export function photoExifCheck(
  quest: VerificationInput['quest'],
  receivedAt: Date,
  photo: VerificationInput['photo'],
  rules: VerificationRules['photoExif'],
): CheckEvaluation {
  if (!photo) {
    return evaluation(
      'photoExif',
      'reject',
      0,
      'You did not add a photo, and this quest needs one.',
    );
  }
  if (!photo.hasExif) {
    return evaluation(
      'photoExif',
      'doubt',
      rules.missingExifScore,
      "Your photo has no camera details (when and where it was taken), so an officer will take a look. Photos straight from your phone's camera keep them.",
    );
  }
  const parts = [
    photoTimePart(quest, receivedAt, photo.takenAt, rules),
    photoPlacePart(quest, photo, rules),
  ].filter((p) => p !== null);
  if (parts.length === 0) {
    return evaluation(
      'photoExif',
      'pass',
      0.75,
      'Your photo has camera details but no time or place, so this counts for a little less.',
    );
  }
  const failed = parts.filter((p) => !p.ok);
  const score = parts.filter((p) => p.ok).length / parts.length;
  const detail = parts.map((p) => p.text).join(' ');
  return evaluation('photoExif', failed.length ? 'fail' : 'pass', score, detail);
}

interface ExifPart {
  ok: boolean;
  text: string;
}

function photoTimePart(
  quest: VerificationInput['quest'],
  receivedAt: Date,
  takenAt: Date | null,
  rules: VerificationRules['photoExif'],
): ExifPart | null {
  if (!takenAt) return null;
  const slackMs = rules.timeSlackH * 3600_000;
  const taken = takenAt.getTime();
  if (taken < quest.startsAt.getTime() - slackMs) {
    return {
      ok: false,
      text: `Your photo was taken ${wordsForDuration(quest.startsAt.getTime() - taken)} before the quest opened.`,
    };
  }
  if (taken > receivedAt.getTime() + slackMs) {
    return {
      ok: false,
      text: `Your photo's time is ${wordsForDuration(taken - receivedAt.getTime())} after you sent it, which cannot be right.`,
    };
  }
  return { ok: true, text: 'Your photo was taken while the quest was open.' };
}

function photoPlacePart(
  quest: VerificationInput['quest'],
  photo: NonNullable<VerificationInput['photo']>,
  rules: VerificationRules['photoExif'],
): ExifPart | null {
  if (photo.lat === null || photo.lng === null) return null;
  const distanceM = haversineMetres(quest, { lat: photo.lat, lng: photo.lng });
  const allowedM = quest.radiusM + rules.extraDistanceM;
  const text = `Your photo was taken ${wordsForDistance(distanceM)} from the spot (allowed ${wordsForDistance(allowedM)}).`;
  return { ok: distanceM <= allowedM, text };
}

/** The photo is not one already sent in this area (perceptual hash distance). */
export function duplicatePhotoCheck(
  nearestHashDistance: number | null,
  rules: VerificationRules['duplicatePhoto'],
): CheckEvaluation {
  if (nearestHashDistance !== null && nearestHashDistance <= rules.sameMaxDistance) {
    return evaluation(
      'duplicatePhoto',
      'reject',
      0,
      'Your photo is the same as one already sent in this area. Please take a new photo of your own.',
    );
  }
  if (nearestHashDistance !== null && nearestHashDistance <= rules.similarMaxDistance) {
    return evaluation(
      'duplicatePhoto',
      'doubt',
      0.25,
      'Your photo looks very like one already sent in this area, so an officer will take a look.',
    );
  }
  return evaluation(
    'duplicatePhoto',
    'pass',
    1,
    'Your photo is new: it does not match any earlier photo in this area.',
  );
}

/** Consecutive check-ins of one resident no faster than anyone can travel. */
export function travelCheck(
  checkin: NonNullable<VerificationInput['checkin']>,
  receivedAt: Date,
  previous: VerificationInput['previousCheckin'],
  rules: VerificationRules['travel'],
): CheckEvaluation {
  if (!previous) return evaluation('travel', 'pass', 1, 'This is your first check-in.');
  const distanceM = haversineMetres(previous, checkin);
  const elapsedMs = Math.max(receivedAt.getTime() - previous.at.getTime(), 1000);
  const since = `${wordsForDistance(distanceM)} from your last check-in ${wordsForDuration(elapsedMs)} before`;
  if (distanceM <= rules.ignoreBelowM) {
    return evaluation('travel', 'pass', 1, `You checked in ${since}.`);
  }
  const speedKmh = distanceM / 1000 / (elapsedMs / 3600_000);
  if (speedKmh > rules.maxSpeedKmh) {
    return evaluation(
      'travel',
      'reject',
      0,
      `You checked in ${since}: that is ${Math.round(speedKmh)} km/h, faster than anyone can travel (the most we accept is ${rules.maxSpeedKmh} km/h).`,
    );
  }
  return evaluation('travel', 'pass', 1, `You checked in ${since}, a believable journey.`);
}

export function textCheck(text: string | null, rules: VerificationRules['text']): CheckEvaluation {
  const length = text?.trim().length ?? 0;
  if (length === 0) {
    return evaluation('text', 'reject', 0, 'You did not write a note, and this quest needs one.');
  }
  if (length < rules.minChars) {
    return evaluation(
      'text',
      'reject',
      0,
      `Your note is too short: write at least ${plural(rules.minChars, 'character', 'characters')}.`,
    );
  }
  return evaluation('text', 'pass', 1, 'You wrote a note.');
}

export function attestationsCheck(received: number, needed: number): CheckEvaluation {
  if (received >= needed) {
    return evaluation(
      'attestations',
      'pass',
      1,
      `${plural(received, 'resident has', 'residents have')} vouched for this (${needed} needed).`,
    );
  }
  return evaluation(
    'attestations',
    'doubt',
    needed > 0 ? received / needed : 0,
    `${plural(received, 'resident has', 'residents have')} vouched for this so far; it needs ${needed}. Ask a neighbour who saw it to vouch.`,
  );
}

export function officerSignOffCheck(
  decision: VerificationInput['officerDecision'],
): CheckEvaluation {
  if (decision === 'approve') {
    return evaluation('officerSignOff', 'pass', 1, 'An officer looked at this and approved it.');
  }
  if (decision === 'reject') {
    return evaluation(
      'officerSignOff',
      'reject',
      0,
      'An officer looked at this and did not accept it.',
    );
  }
  return evaluation(
    'officerSignOff',
    'doubt',
    0.5,
    'This quest needs an officer to sign it off; your evidence is waiting for them.',
  );
}

// ---- combining ------------------------------------------------------------------

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

const percent = (score: number) => `${Math.round(score * 100)}%`;

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

// ---- the public explanation ----------------------------------------------------------

/** What GET /api/rules says, generated from the rules so words and numbers never drift. */
export function describeVerificationRules(
  rules: VerificationRules = DEFAULT_VERIFICATION_RULES,
): RulesResponse {
  const { verifyAt, rejectBelow } = rules.thresholds;
  const describe = (
    check: VerificationCheck,
    d: Omit<CheckDescription, 'check' | 'weight'>,
  ): CheckDescription => ({ check, weight: rules.weights[check], ...d });
  return {
    summary:
      'When you send evidence, we run the checks the quest asks for. Each check gives a result you can read, and together they give a confidence score from 0% to 100%.',
    scoring: `Each check scores between 0 and 1 and counts by its weight. Evidence scoring ${percent(verifyAt)} or more, with every check passed, is verified and you get your XP. Under ${percent(rejectBelow)} it is not accepted. In between, or when a check is unsure, an officer takes a look. Some problems reject evidence whatever the score; each check below says which.`,
    thresholds: { verifyAt, rejectBelow },
    checks: [
      describe('geofence', {
        title: 'You were at the spot',
        runsWhen: 'The quest asks for a check-in.',
        description: `Your check-in must be inside the quest's circle. We add your phone's reported accuracy, up to ${rules.geofence.maxAccuracyAllowanceM} m. A location vaguer than ${rules.geofence.poorAccuracyM} m still counts, for a little less.`,
        rejectsOutright: 'Checking in outside the circle, or not checking in.',
        sendsToOfficer: null,
      }),
      describe('timeWindow', {
        title: 'While the quest was open',
        runsWhen: 'Always.',
        description: `You must send evidence between the quest's opening and closing times, by our clock. If your phone's clock differs from ours by more than ${wordsForDuration(rules.timeWindow.maxDeviceClockSkewS * 1000)}, an officer takes a look.`,
        rejectsOutright: 'Sending before the quest opened or after it closed.',
        sendsToOfficer: 'A phone clock far from ours.',
      }),
      describe('travel', {
        title: 'A believable journey',
        runsWhen: 'The quest asks for a check-in.',
        description: `Your check-ins must not be further apart than anyone can travel in the time between them: at most ${rules.travel.maxSpeedKmh} km/h. Moves under ${rules.travel.ignoreBelowM} m never count.`,
        rejectsOutright: 'Travelling faster than that between two check-ins.',
        sendsToOfficer: null,
      }),
      describe('photoExif', {
        title: 'When and where the photo was taken',
        runsWhen: 'The quest asks for a photo.',
        description: `If your camera recorded when and where it took the photo, that must fit the quest: taken while it was open (we allow ${rules.photoExif.timeSlackH} h either side for time zones) and within ${rules.photoExif.extraDistanceM} m of the quest's circle. We read these details, then remove them from the photo we keep, so your location is never published.`,
        rejectsOutright: 'Not adding a photo.',
        sendsToOfficer: 'A photo with no camera details, or a time or place that does not fit.',
      }),
      describe('duplicatePhoto', {
        title: 'A new photo',
        runsWhen: 'The quest asks for a photo.',
        description: `We compare a fingerprint of your photo (64 points) with every earlier photo in the area. ${rules.duplicatePhoto.sameMaxDistance} or fewer points different means the same photo; ${rules.duplicatePhoto.similarMaxDistance} or fewer means very alike.`,
        rejectsOutright: 'The same photo as one sent before.',
        sendsToOfficer: 'A photo very like one sent before.',
      }),
      describe('text', {
        title: 'A note',
        runsWhen: 'The quest asks for a note.',
        description: `Write at least ${plural(rules.text.minChars, 'character', 'characters')} about what you did.`,
        rejectsOutright: 'No note, or one too short.',
        sendsToOfficer: null,
      }),
      describe('attestations', {
        title: 'Neighbours vouch for it',
        runsWhen: 'The quest asks for residents to vouch.',
        description:
          'Other residents who saw the work vouch for your evidence. It waits until enough have.',
        rejectsOutright: null,
        sendsToOfficer: 'Fewer residents have vouched than the quest needs.',
      }),
      describe('officerSignOff', {
        title: 'An officer signs it off',
        runsWhen: 'The quest asks for an officer to sign off, or an officer reviews your evidence.',
        description:
          'A council officer looks at your evidence. Their approval settles any doubt the other checks raised; it cannot overrule a check that rejects outright.',
        rejectsOutright: 'An officer does not accept it.',
        sendsToOfficer: 'Always, until an officer has decided.',
      }),
    ],
    rules,
  };
}
