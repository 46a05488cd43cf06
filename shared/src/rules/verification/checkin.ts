/**
 * The checks on where and when: the check-in inside the quest's circle, sent while the quest
 * was open, and no faster from the resident's previous check-in than anyone can travel.
 */
import { checkGeofence, haversineMetres } from '../../geo/distance';
import type { VerificationRules } from '../../schemas/verification';
import { evaluation, type CheckEvaluation, type VerificationInput } from './model';
import { allowanceWords } from './advice';
import { wordsForDistance, wordsForDuration } from './words';

const NO_CHECKIN = 'You did not check in, and this quest needs a check-in at the spot.';

/** Inside the quest's circle, allowing for the phone's reported accuracy up to a cap. */
export function geofenceCheck(
  quest: VerificationInput['quest'],
  checkin: VerificationInput['checkin'],
  rules: VerificationRules['geofence'],
): CheckEvaluation {
  if (!checkin) return evaluation('geofence', 'reject', 0, NO_CHECKIN);
  const fence = checkGeofence(
    quest,
    quest.radiusM,
    checkin,
    checkin.accuracyM,
    rules.maxAccuracyAllowanceM,
  );
  const where = `You checked in ${wordsForDistance(fence.distanceM)} from the spot (${allowanceWords(quest.radiusM, fence.allowedM)}).`;
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

/** Two fixes agree when they are no further apart than their accuracies allow (plus jitter). */
const AGREEMENT_JITTER_M = 20;
const agree = (a: Fix, b: Fix) =>
  haversineMetres(a, b) <= a.accuracyM + b.accuracyM + AGREEMENT_JITTER_M;
type Fix = { lat: number; lng: number; accuracyM: number };

/**
 * Consecutive check-ins of one resident no faster than anyone can travel. Each fix may be off
 * by its reported accuracy, so the move is judged on the shortest distance both fixes allow.
 * A phone can also jump kilometres for a second: an impossible move is rejected only when a
 * second fix confirms where the phone is; otherwise an officer looks, and nothing is lost.
 */
export function travelCheck(
  checkin: NonNullable<VerificationInput['checkin']>,
  receivedAt: Date,
  previous: VerificationInput['previousCheckin'],
  rules: VerificationRules['travel'],
): CheckEvaluation {
  if (!previous) return evaluation('travel', 'pass', 1, 'This is your first check-in.');
  const slackM =
    Math.min(previous.accuracyM ?? 0, rules.maxFixSlackM) +
    Math.min(checkin.accuracyM, rules.maxFixSlackM);
  const distanceM = Math.max(0, haversineMetres(previous, checkin) - slackM);
  const elapsedMs = Math.max(receivedAt.getTime() - previous.at.getTime(), 1000);
  const since = `${wordsForDistance(distanceM)} from your last check-in ${wordsForDuration(elapsedMs)} before`;
  if (distanceM <= rules.ignoreBelowM) {
    return evaluation('travel', 'pass', 1, `You checked in ${since}.`);
  }
  const speedKmh = distanceM / 1000 / (elapsedMs / 3600_000);
  if (speedKmh <= rules.maxSpeedKmh) {
    return evaluation('travel', 'pass', 1, `You checked in ${since}, a believable journey.`);
  }
  const impossible = `You checked in ${since}: that is ${Math.round(speedKmh)} km/h, faster than anyone can travel (the most we accept is ${rules.maxSpeedKmh} km/h).`;
  const confirmed = checkin.confirmingFix ? agree(checkin, checkin.confirmingFix) : false;
  if (confirmed) return evaluation('travel', 'reject', 0, impossible);
  return evaluation(
    'travel',
    'doubt',
    rules.unconfirmedScore,
    `${impossible} A phone's location can jump for a moment, so an officer will take a look instead of turning this down.`,
  );
}
