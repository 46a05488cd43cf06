/** Residents' ratings of completed quests, and their averages. */
import { z } from 'zod';
import { SUPERPOWERS } from './domain';
import { ZFieldPerKey, ZId, ZIsoDateTime, ZPlainText } from './common';

export const ZRateQuestRequest = z.object({
  stars: z.number().int().min(1).max(5),
  comment: ZPlainText(500, { multiline: true }).nullable().default(null),
});
export type RateQuestRequest = z.input<typeof ZRateQuestRequest>;

export const ZRatingAverage = z.object({
  count: z.number().int().min(0),
  /** Mean stars, two decimals; null when nobody has rated. */
  average: z.number().min(1).max(5).nullable(),
});
export type RatingAverage = z.infer<typeof ZRatingAverage>;

export const ZMyRating = z.object({
  stars: z.number().int().min(1).max(5),
  comment: z.string().nullable(),
  updatedAt: ZIsoDateTime,
});

export const ZQuestRatings = ZRatingAverage.extend({
  questId: ZId,
  /** The caller's own rating, if signed in and rated. */
  mine: ZMyRating.nullable(),
  /** Whether the caller may rate now (signed in, took part or a member, quest completed). */
  canRate: z.boolean(),
  /** Why not, when `canRate` is false. */
  reason: z.string().nullable(),
});
export type QuestRatings = z.infer<typeof ZQuestRatings>;

/** Averages for an area: no comments and nothing personal, so they are open data. */
export const ZAreaRatings = z.object({
  area: z.object({ slug: z.string(), name: z.string() }),
  generatedAt: ZIsoDateTime,
  licence: z.string(),
  overall: ZRatingAverage,
  /** By the quest's main (first) superpower. */
  bySuperpower: ZFieldPerKey(SUPERPOWERS, ZRatingAverage),
  byQuest: z.array(ZRatingAverage.extend({ questId: ZId, title: z.string() })),
});
export type AreaRatings = z.infer<typeof ZAreaRatings>;
