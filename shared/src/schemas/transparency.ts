/**
 * Radical transparency: the officer dashboard and the public open-data export. Open data
 * never carries personal data (no names, ids of people, evidence or photos).
 */
import { z } from 'zod';
import { ZFieldPerKey, ZId, ZIsoDateTime, ZSlug } from './common';
import { SUPERPOWERS, ZQuestStatus, ZSuperpower, ZXpBySuperpower } from './domain';
import { ZCreditsSummary } from './credits';
import { ZRatingAverage } from './ratings';

const ZCount = z.number().int().min(0);

/** One superpower's £ proxy per verified completion; data, documented by `basis`. */
export const ZSocialValueProxy = z.object({
  gbpPerCompletion: z.number().min(0).max(100_000),
  basis: z.string().min(10),
});
export const ZSocialValueProxies = ZFieldPerKey(SUPERPOWERS, ZSocialValueProxy);
export type SocialValueProxies = z.infer<typeof ZSocialValueProxies>;

export const ZWeeklyCompletions = z.object({
  /** ISO week, e.g. `2026-W47`. */
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  /** Monday of that week in the area's time zone, `YYYY-MM-DD`. */
  weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  verified: ZCount,
});
export type WeeklyCompletions = z.infer<typeof ZWeeklyCompletions>;

export const ZTopPlace = z.object({
  questId: ZId,
  title: z.string(),
  lat: z.number(),
  lng: z.number(),
  verified: ZCount,
});

export const ZSocialValueLine = z.object({
  superpower: ZSuperpower,
  verified: ZCount,
  gbpPerCompletion: z.number(),
  valueGbp: z.number(),
  basis: z.string(),
});

export const ZSocialValueSummary = z.object({
  /** Always true: these are proxies, not measured outcomes. */
  isEstimate: z.literal(true),
  label: z.string(),
  currency: z.literal('GBP'),
  totalGbp: z.number(),
  method: z.string(),
  bySuperpower: z.array(ZSocialValueLine),
});
export type SocialValueSummary = z.infer<typeof ZSocialValueSummary>;

export const SOCIAL_VALUE_PARTS = ['economic', 'social', 'environmental'] as const;
export type SocialValuePart = (typeof SOCIAL_VALUE_PARTS)[number];
export const ZSocialValueShares = ZFieldPerKey(SOCIAL_VALUE_PARTS, z.number().min(0).max(1));
export type SocialValueShares = z.infer<typeof ZSocialValueShares>;

export const ZSocialValueSplit = z.object({
  isEstimate: z.literal(true),
  parts: z.array(
    z.object({
      part: z.enum(SOCIAL_VALUE_PARTS),
      valueGbp: z.number(),
      /** What the part stands for, in plain words. */
      meaning: z.string(),
    }),
  ),
  /** How each superpower's proxy value is shared between the parts (each sums to 1). */
  sharesBySuperpower: ZFieldPerKey(SUPERPOWERS, ZSocialValueShares),
  method: z.string(),
  caveats: z.array(z.string()),
});
export type SocialValueSplit = z.infer<typeof ZSocialValueSplit>;

export const ZDashboard = z.object({
  area: z.object({ id: ZId, slug: ZSlug, name: z.string(), timezone: z.string() }),
  generatedAt: ZIsoDateTime,
  questsByStatus: z.record(ZQuestStatus, ZCount),
  /** The last 12 ISO weeks, oldest first, empty weeks included as 0. */
  completionsByWeek: z.array(ZWeeklyCompletions),
  activeWindowDays: z.number().int(),
  /** Residents with a verified evidence in the window. */
  activeResidents: ZCount,
  /** Teams with a verified evidence in the window. */
  activeTeams: ZCount,
  totalVerified: ZCount,
  xpBySuperpower: ZXpBySuperpower,
  /** The quests with the most verified completions (the busiest places). */
  topPlaces: z.array(ZTopPlace),
  socialValue: ZSocialValueSummary,
  /** The same estimate split into economic, social and environmental parts. */
  socialValueSplit: ZSocialValueSplit,
  /** Time credits issued, redeemed, expired and reversed in the area. */
  credits: ZCreditsSummary,
  /** Residents' ratings of completed quests: overall and by main superpower. */
  ratings: z.object({
    overall: ZRatingAverage,
    bySuperpower: ZFieldPerKey(SUPERPOWERS, ZRatingAverage),
  }),
  /**
   * Money decided and paid against outcomes, in pounds; absent until a feature that
   * allocates budgets or releases money reports it.
   */
  money: z
    .object({ budgetsAllocatedGbp: z.number().min(0), releasedGbp: z.number().min(0) })
    .optional(),
});
export type Dashboard = z.infer<typeof ZDashboard>;

/** Quests leave the open data while still private (proposed, rejected, draft). */
export const OPEN_DATA_QUEST_STATUSES = ['published', 'active', 'closed', 'archived'] as const;
export const ZOpenDataQuestStatus = z.enum(OPEN_DATA_QUEST_STATUSES);

export const ZOpenDataQuest = z.object({
  id: ZId,
  title: z.string(),
  problem: z.string(),
  desiredOutcome: z.string(),
  status: ZOpenDataQuestStatus,
  lat: z.number(),
  lng: z.number(),
  radiusM: z.number().int(),
  startsAt: ZIsoDateTime,
  endsAt: ZIsoDateTime,
  superpowers: z.array(ZSuperpower),
  xp: z.number().int(),
  storylineId: ZId.nullable(),
  /** Verified completions (one per accepted evidence; a team's counts once). */
  verifiedCompletions: ZCount,
  createdAt: ZIsoDateTime,
});
export type OpenDataQuest = z.infer<typeof ZOpenDataQuest>;

export const ZOpenDataQuests = z.object({
  area: z.object({ slug: ZSlug, name: z.string() }),
  generatedAt: ZIsoDateTime,
  licence: z.string(),
  fields: z.record(z.string(), z.string()),
  quests: z.array(ZOpenDataQuest),
});
export type OpenDataQuests = z.infer<typeof ZOpenDataQuests>;
/** quests.csv: the same rows as CSV text. */
export const ZOpenDataQuestsCsv = z.string();

/** Columns of quests.csv, in order: the fields of an open-data quest, as the JSON names them. */
export const OPEN_DATA_QUEST_COLUMNS = ZOpenDataQuest.keyof().options;

/** The licence of every open-data answer (JSON, CSV, GeoJSON, the public audit log). */
export const OPEN_DATA_LICENCE = 'Open Government Licence v3.0';
export const OPEN_DATA_LICENCE_URL =
  'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

/**
 * What became of a quest, in public: `open` while it can still be done, `completed` once it
 * has a verified completion, `failed` when it ended without one (or was marked failed), with
 * the reason in `outcomeReason`.
 */
export const QUEST_OUTCOMES = ['open', 'completed', 'failed'] as const;
export const ZQuestOutcome = z.enum(QUEST_OUTCOMES);
export type QuestOutcome = z.infer<typeof ZQuestOutcome>;

export const ZQuestGeoJsonProperties = z.object({
  title: z.string(),
  problem: z.string(),
  desiredOutcome: z.string(),
  status: ZQuestStatus,
  outcome: ZQuestOutcome,
  /** Why a quest failed, in plain words; null unless `outcome` is `failed`. */
  outcomeReason: z.string().nullable(),
  radiusM: z.number().int(),
  startsAt: ZIsoDateTime,
  endsAt: ZIsoDateTime,
  superpowers: z.array(ZSuperpower),
  /** XP offered per completion. */
  xpReward: z.number().int(),
  storylineId: ZId.nullable(),
  verifiedCompletions: ZCount,
  /** Sum of the XP ledger's positive rows for this quest. */
  xpPaid: ZCount,
  /** Sum of the XP ledger's reversals (negative rows) for this quest, as a positive number. */
  xpReversed: ZCount,
  createdAt: ZIsoDateTime,
});
export type QuestGeoJsonProperties = z.infer<typeof ZQuestGeoJsonProperties>;

/** One quest as an RFC 7946 Feature: a Point at [longitude, latitude] in WGS84. */
export const ZQuestGeoJsonFeature = z.object({
  type: z.literal('Feature'),
  id: ZId,
  geometry: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  }),
  properties: ZQuestGeoJsonProperties,
});

/** quests.geojson: an RFC 7946 FeatureCollection; the other members are foreign members. */
export const ZQuestGeoJson = z.object({
  type: z.literal('FeatureCollection'),
  area: z.object({ slug: ZSlug, name: z.string(), archived: z.boolean() }),
  generatedAt: ZIsoDateTime,
  licence: z.string(),
  licenceUrl: z.string(),
  /** What each property of a feature means. */
  fields: z.record(z.string(), z.string()),
  features: z.array(ZQuestGeoJsonFeature),
});
export type QuestGeoJson = z.infer<typeof ZQuestGeoJson>;
