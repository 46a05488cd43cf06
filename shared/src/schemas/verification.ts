/**
 * How evidence is judged, as data: the weights, thresholds and limits the verification
 * rules use, and the public explanation GET /api/rules returns. Changing a number here
 * changes both the judging and the explanation residents read.
 */
import { z } from 'zod';
import { ZFieldPerKey } from './common';
import { ZReopenRules, ZReputationRules } from './reopen';
import { ZTeamScalingRules } from './progress';
import { ZTimeCreditRules } from './credits';

/** Every check the verifier knows; a quest's evidence rules decide which of them run. */
export const VERIFICATION_CHECKS = [
  'geofence',
  'timeWindow',
  'photoExif',
  'duplicatePhoto',
  'travel',
  'text',
  'attestations',
  'officerSignOff',
] as const;
export const ZVerificationCheck = z.enum(VERIFICATION_CHECKS);
export type VerificationCheck = z.infer<typeof ZVerificationCheck>;

const ZWeight = z.number().min(0).max(10);
const ZFraction = z.number().min(0).max(1);
const ZPositiveInt = z.number().int().min(1);

export const ZVerificationRules = z
  .object({
    /** Relative weight of each check's 0..1 score in the combined confidence score. */
    weights: ZFieldPerKey(VERIFICATION_CHECKS, ZWeight),
    thresholds: z.object({
      /** A score at or above this is verified (when nothing else needs a person's look). */
      verifyAt: ZFraction,
      /** A score below this is rejected; in between goes to an officer. */
      rejectBelow: ZFraction,
    }),
    geofence: z.object({
      /** The most a phone's reported accuracy may add to the quest's radius. */
      maxAccuracyAllowanceM: z.number().int().min(0).max(500),
      /** Fixes vaguer than this still count but lower the score. */
      poorAccuracyM: ZPositiveInt,
      poorAccuracyScore: ZFraction,
    }),
    timeWindow: z.object({
      /** A phone clock further than this from the server's is doubtful. */
      maxDeviceClockSkewS: ZPositiveInt,
    }),
    photoExif: z.object({
      /**
       * EXIF times carry no time zone unless the camera wrote one; this much slack on either
       * side of the quest's window keeps honest photos from anywhere in the world.
       */
      timeSlackH: z.number().min(0).max(48),
      /** Camera GPS is rougher than a phone's check-in: this much extra beyond the radius. */
      extraDistanceM: z.number().int().min(0).max(5000),
      /** Score for a photo with no camera details at all (an officer takes a look). */
      missingExifScore: ZFraction,
    }),
    duplicatePhoto: z.object({
      /** Perceptual-hash distance (of 64 bits) at or below which a photo is the same one. */
      sameMaxDistance: z.number().int().min(0).max(64),
      /** At or below this it looks very like an earlier photo: an officer takes a look. */
      similarMaxDistance: z.number().int().min(0).max(64),
    }),
    travel: z.object({
      /** Faster than this between two of your check-ins is impossible on foot, bike or bus. */
      maxSpeedKmh: z.number().min(1).max(1000),
      /** Moves shorter than this are GPS jitter and never count as travel. */
      ignoreBelowM: z.number().int().min(0).max(10_000),
      /** Each fix may be off by its reported accuracy, counted up to this much per fix. */
      maxFixSlackM: z.number().int().min(0).max(5_000),
      /** Score of an impossible move no second fix confirms: a person looks, nothing is rejected. */
      unconfirmedScore: z.number().min(0).max(1),
    }),
    text: z.object({ minChars: ZPositiveInt }),
  })
  .refine((r) => r.thresholds.rejectBelow <= r.thresholds.verifyAt, {
    message: 'rejectBelow must not be above verifyAt',
    path: ['thresholds', 'rejectBelow'],
  })
  .refine((r) => r.duplicatePhoto.sameMaxDistance <= r.duplicatePhoto.similarMaxDistance, {
    message: 'sameMaxDistance must not be above similarMaxDistance',
    path: ['duplicatePhoto', 'sameMaxDistance'],
  });
export type VerificationRules = z.infer<typeof ZVerificationRules>;

/** Bounds for evidence captured offline and sent later (rules/verification/offline). */
export const ZOfflineCaptureRules = z.object({
  /** The longest we accept between capturing evidence and it reaching us, in hours. */
  maxDelayH: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
  /** The furthest the phone's clock may be from ours, in seconds, and still be corrected. */
  maxClockDriftS: z
    .number()
    .int()
    .min(60)
    .max(24 * 3600),
  /** Upload time and jitter: a capture may look this much later than its sending, in seconds. */
  sendSlackS: z.number().int().min(0).max(3600),
});
export type OfflineCaptureRules = z.infer<typeof ZOfflineCaptureRules>;

/** One check explained for residents. */
export const ZCheckDescription = z.object({
  check: ZVerificationCheck,
  title: z.string(),
  /** When the check runs, which quests ask for it. */
  runsWhen: z.string(),
  /** What passes, in plain words with the current numbers. */
  description: z.string(),
  weight: z.number(),
  /** What fails the evidence outright whatever the score; null when nothing does. */
  rejectsOutright: z.string().nullable(),
  /** What sends the evidence to an officer instead of deciding automatically. */
  sendsToOfficer: z.string().nullable(),
});
export type CheckDescription = z.infer<typeof ZCheckDescription>;

export const ZRulesResponse = z.object({
  summary: z.string(),
  scoring: z.string(),
  thresholds: z.object({ verifyAt: ZFraction, rejectBelow: ZFraction }),
  checks: z.array(ZCheckDescription),
  /** The exact numbers the server uses, for anyone who wants to check our working. */
  rules: ZVerificationRules,
  /** How much each resident's vouch or "not fixed" report weighs, from their track record. */
  reputation: ZReputationRules,
  /** When "not fixed" reports reopen a completed quest. */
  reopen: ZReopenRules,
  /** How team quests scale with the team: XP on the team board, each member's XP, evidence. */
  teamScaling: ZTeamScalingRules,
  /** How late evidence captured offline may arrive and how far the phone's clock may be off. */
  offline: ZOfflineCaptureRules.extend({ description: z.string() }),
  /** How verified participation earns time credits (rules/time-credits.ts). */
  timeCredits: ZTimeCreditRules,
});
export type RulesResponse = z.infer<typeof ZRulesResponse>;
