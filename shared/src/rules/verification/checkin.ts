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
