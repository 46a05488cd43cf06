/**
 * Advice before sending: the same rules the verifier runs, asked on the phone before the
 * evidence leaves it, so a check-in that cannot pass is held back with what to do, and a photo
 * that will go to an officer says so first. One rule, one figure, on both sides.
 */
import { checkGeofence } from '../../geo/distance';
import type { VerificationRules } from '../../schemas/verification';
import { DEFAULT_VERIFICATION_RULES, type VerificationInput } from './model';
import { photoExifCheck } from './photo';
import { wordsForDistance } from './words';

export interface CheckinAdvice {
  /** False when the verifier would reject this check-in: the client does not send it. */
  canSend: boolean;
  distanceM: number;
  allowedM: number;
  /** What the resident reads, in the verifier's own words and figures. */
  text: string;
}

type Fence = Pick<VerificationInput['quest'], 'lat' | 'lng' | 'radiusM'>;
type Fix = { lat: number; lng: number; accuracyM: number };

/** How far the check-in may be: the quest's circle plus the phone's accuracy, up to a cap. */
export function allowanceWords(radiusM: number, allowedM: number): string {
  const extra = Math.round(allowedM - radiusM);
  return extra > 0
    ? `allowed ${wordsForDistance(allowedM)}: the ${wordsForDistance(radiusM)} circle plus ${wordsForDistance(extra)} for your phone's accuracy`
    : `allowed ${wordsForDistance(allowedM)}`;
}

export function checkinAdvice(
  quest: Fence,
  fix: Fix,
  rules: VerificationRules['geofence'] = DEFAULT_VERIFICATION_RULES.geofence,
): CheckinAdvice {
  const fence = checkGeofence(
    quest,
    quest.radiusM,
    fix,
    fix.accuracyM,
    rules.maxAccuracyAllowanceM,
  );
  const where = `You are ${wordsForDistance(fence.distanceM)} from the spot (${allowanceWords(quest.radiusM, fence.allowedM)}).`;
  if (!fence.inside) {
    const closer = wordsForDistance(Math.ceil(fence.distanceM - fence.allowedM));
    return {
      canSend: false,
      distanceM: fence.distanceM,
      allowedM: fence.allowedM,
      text: `${where} Move at least ${closer} closer to the marker and check in again. We hold this check-in back because it cannot pass.`,
    };
  }
  const vague =
    fix.accuracyM > rules.poorAccuracyM
      ? ` Your phone only knows its place to within ${wordsForDistance(fix.accuracyM)}: stepping outside or waiting a moment makes the check-in count fully.`
      : '';
  return {
    canSend: true,
    distanceM: fence.distanceM,
    allowedM: fence.allowedM,
    text: `${where} That's inside the quest area ✓${vague}`,
  };
}

export type PhotoAdviceLevel = 'ok' | 'review' | 'fail';

export interface PhotoAdvice {
  level: PhotoAdviceLevel;
  text: string;
}

/** What the verifier will make of this photo's camera details, said before sending. */
export function photoAdvice(
  quest: Pick<VerificationInput['quest'], 'lat' | 'lng' | 'radiusM' | 'startsAt'>,
  exif: { takenAt: Date | null; lat: number | null; lng: number | null; hasExif: boolean },
  now: Date,
  rules: VerificationRules['photoExif'] = DEFAULT_VERIFICATION_RULES.photoExif,
  reviewWait = 'usually within two working days',
): PhotoAdvice {
  const result = photoExifCheck(quest, now, { ...exif, nearestHashDistance: null }, rules);
  if (result.verdict === 'pass' && result.score >= 1) return { level: 'ok', text: result.detail };
  if (result.verdict === 'fail' || result.verdict === 'reject')
    return { level: 'fail', text: `${result.detail} Take a new photo at the spot instead.` };
  return {
    level: 'review',
    text: `${result.detail} An officer checks it by hand, ${reviewWait}. Taking the photo with your camera now, at the spot, avoids the wait.`,
  };
}
