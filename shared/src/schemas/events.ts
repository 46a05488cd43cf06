/**
 * The realtime contract. Payload types come from these schemas; the server validates
 * every inbound event with them and the client is typed by them.
 */
import { z } from 'zod';
import { ZId, ZSlug } from './common';
import { ZEvidenceStatus, ZXpBySuperpower } from './domain';
import { ZBBoxText } from './geo';
import { ZNotificationNewEvent, ZNotificationUnreadEvent } from './notifications';
import { ZQuest } from './quests';
import { ZCommentEvent, ZCommentRemovedEvent, ZCommentsJoinEvent } from './comments';

export const ZCheckResult = z.object({
  check: z.string(),
  passed: z.boolean(),
  /** Plain words a resident understands: "You checked in 12 m from the spot". */
  detail: z.string(),
  /** 0..1 contribution to the confidence score. */
  score: z.number().min(0).max(1).optional(),
});
export type CheckResult = z.infer<typeof ZCheckResult>;

/** Where verification left an evidence; the evidence and its status event both carry it. */
export const ZEvidenceVerdict = z.object({
  status: ZEvidenceStatus,
  checks: z.array(ZCheckResult),
  score: z.number().nullable(),
  /** Why it is not (yet) verified, in plain words; null once verified. */
  reason: z.string().nullable(),
});

export const ZLeaderboardScope = z.enum(['users', 'teams']);
export type LeaderboardScope = z.infer<typeof ZLeaderboardScope>;
export const ZLeaderboardPeriod = z.enum(['all', 'week']);
export type LeaderboardPeriod = z.infer<typeof ZLeaderboardPeriod>;

export const ZLeaderboardEntry = z.object({
  rank: z.number().int().min(1),
  id: ZId,
  name: z.string(),
  xp: z.number().int(),
});
export type LeaderboardEntry = z.infer<typeof ZLeaderboardEntry>;

// ---- server → client -------------------------------------------------------

export const ZQuestPublishedEvent = z.object({ quest: ZQuest });
export const ZQuestUpdatedEvent = z.object({ quest: ZQuest });
export const ZQuestClosedEvent = z.object({ questId: ZId, areaId: ZId });

export const ZEvidenceStatusEvent = ZEvidenceVerdict.extend({ evidenceId: ZId, questId: ZId });
export type EvidenceStatusEvent = z.infer<typeof ZEvidenceStatusEvent>;

export const ZXpAwardedEvent = z.object({
  userId: ZId,
  evidenceId: ZId,
  questId: ZId,
  /** Negative when XP is taken back (a reversal); `totalXp` and `level` are then lower. */
  amount: z.number().int(),
  bySuperpower: ZXpBySuperpower,
  totalXp: z.number().int(),
  level: z.number().int(),
});
export type XpAwardedEvent = z.infer<typeof ZXpAwardedEvent>;

export const ZLeaderboardUpdateEvent = z.object({
  areaId: ZId,
  scope: ZLeaderboardScope,
  period: ZLeaderboardPeriod,
  /** Monotonic per board: clients ignore an update older than the one they show. */
  version: z.number().int(),
  top: z.array(ZLeaderboardEntry),
});
export type LeaderboardUpdateEvent = z.infer<typeof ZLeaderboardUpdateEvent>;

export const ZStorylineProgressEvent = z.object({
  storylineId: ZId,
  areaId: ZId,
  completed: z.number().int(),
  goal: z.number().int(),
  unlockedChapter: z
    .object({ position: z.number().int(), title: z.string(), narrative: z.string() })
    .nullable(),
});
export type StorylineProgressEvent = z.infer<typeof ZStorylineProgressEvent>;

export const ZTeamUpdateEvent = z.object({
  teamId: ZId,
  name: z.string(),
  captainId: ZId.nullable(),
  members: z.array(z.object({ userId: ZId, displayName: z.string() })),
});
export type TeamUpdateEvent = z.infer<typeof ZTeamUpdateEvent>;

/** Error acks name the field, like HTTP 400s. */
export const ZAck = z.union([
  z.object({ ok: z.literal(true) }).passthrough(),
  z.object({
    ok: z.literal(false),
    error: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
]);
export type Ack = z.infer<typeof ZAck>;

// ---- client → server -------------------------------------------------------

export const ZAreaJoinEvent = z.object({ slug: ZSlug });
export const ZTeamJoinEvent = z.object({ teamId: ZId });
export const ZOfficersJoinEvent = z.object({ slug: ZSlug });
export const ZMapViewportEvent = z.object({ slug: ZSlug, bbox: ZBBoxText });
export const ZLeaderboardSubscribeEvent = z.object({
  slug: ZSlug,
  scope: ZLeaderboardScope,
  period: ZLeaderboardPeriod,
});

/** Inbound event name → payload schema; the gateway validates with exactly these. */
export const CLIENT_EVENT_SCHEMAS = {
  'area:join': ZAreaJoinEvent,
  'team:join': ZTeamJoinEvent,
  'officers:join': ZOfficersJoinEvent,
  'map:viewport': ZMapViewportEvent,
  'leaderboard:subscribe': ZLeaderboardSubscribeEvent,
  'comments:join': ZCommentsJoinEvent,
  'comments:leave': ZCommentsJoinEvent,
} as const;
export type ClientEventName = keyof typeof CLIENT_EVENT_SCHEMAS;

export const SERVER_EVENT_SCHEMAS = {
  'quest:published': ZQuestPublishedEvent,
  'quest:updated': ZQuestUpdatedEvent,
  'quest:closed': ZQuestClosedEvent,
  'evidence:status': ZEvidenceStatusEvent,
  'xp:awarded': ZXpAwardedEvent,
  'leaderboard:update': ZLeaderboardUpdateEvent,
  'storyline:progress': ZStorylineProgressEvent,
  'team:update': ZTeamUpdateEvent,
  'comment:posted': ZCommentEvent,
  'comment:updated': ZCommentEvent,
  'comment:removed': ZCommentRemovedEvent,
  'comment:moderated': ZCommentEvent,
  'notification:new': ZNotificationNewEvent,
  'notification:unread': ZNotificationUnreadEvent,
} as const;
export type ServerEventName = keyof typeof SERVER_EVENT_SCHEMAS;

export type ServerToClientEvents = {
  [K in ServerEventName]: (payload: z.infer<(typeof SERVER_EVENT_SCHEMAS)[K]>) => void;
};

/** Inbound payloads are `unknown` on the wire: the server parses before trusting them. */
export type ClientToServerEvents = {
  [K in ClientEventName]: (
    payload: z.input<(typeof CLIENT_EVENT_SCHEMAS)[K]>,
    ack: (answer: Ack) => void,
  ) => void;
};

/** Room names, in one place so server and tests agree. */
export const rooms = {
  area: (areaId: string) => `area:${areaId}`,
  team: (teamId: string) => `team:${teamId}`,
  user: (userId: string) => `user:${userId}`,
  officers: (areaId: string) => `officers:${areaId}`,
  comments: (questId: string) => `comments:${questId}`,
  leaderboard: (areaId: string, scope: LeaderboardScope, period: LeaderboardPeriod) =>
    `lb:${areaId}:${scope}:${period}`,
} as const;
