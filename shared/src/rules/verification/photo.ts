/**
 * The checks on a photo: the camera's own time and place fit the quest, and the picture is
 * not one already sent in the area.
 */
import { haversineMetres } from '../../geo/distance';
import type { VerificationRules } from '../../schemas/verification';
import { evaluation, type CheckEvaluation, type VerificationInput } from './model';
import { wordsForDistance, wordsForDuration } from './words';

const NO_PHOTO = 'You did not add a photo, and this quest needs one.';

/** What the photo checks need to know of the quest (advice.ts asks them before sending). */
type PhotoQuest = Pick<VerificationInput['quest'], 'lat' | 'lng' | 'radiusM' | 'startsAt'>;

/** When and where the camera says the photo was taken, if it says. */
export function photoExifCheck(
  quest: PhotoQuest,
  receivedAt: Date,
  photo: VerificationInput['photo'],
  rules: VerificationRules['photoExif'],
): CheckEvaluation {
  if (!photo) return evaluation('photoExif', 'reject', 0, NO_PHOTO);
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
  quest: PhotoQuest,
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
  quest: PhotoQuest,
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
