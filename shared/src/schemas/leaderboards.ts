/**
 * Leaderboards over HTTP. The board itself (entries, scope, period) is defined with the
 * realtime contract in events.ts because `leaderboard:update` carries the same rows.
 */
import { z } from 'zod';
import { ZIsoDateTime, ZLimit } from './common';
import {
  ZLeaderboardEntry,
  ZLeaderboardPeriod,
  ZLeaderboardScope,
  ZLeaderboardUpdateEvent,
} from './events';

export const LEADERBOARD_MAX_LIMIT = 100;
/** Rows a live `leaderboard:update` carries. */
export const LEADERBOARD_BROADCAST_TOP = 10;

export const ZLeaderboardQuery = z.object({
  scope: ZLeaderboardScope.default('users'),
  period: ZLeaderboardPeriod.default('all'),
  limit: ZLimit(LEADERBOARD_MAX_LIMIT, 10),
});
export type LeaderboardQuery = z.infer<typeof ZLeaderboardQuery>;

export const ZLeaderboardMe = z.object({
  rank: z.number().int().min(1),
  xp: z.number().int(),
  /** Your row with up to two rows above and below it, best first (your row included). */
  neighbours: z.array(ZLeaderboardEntry),
});
export type LeaderboardMe = z.infer<typeof ZLeaderboardMe>;

/** The board over HTTP: what `leaderboard:update` carries, plus the reset time and your row. */
export const ZLeaderboardResponse = ZLeaderboardUpdateEvent.extend({
  /** When the weekly boards start again: Monday 00:00 in the area's time zone. */
  weekResetsAt: ZIsoDateTime,
  /** Your row (or your team's): null when signed out or not on this board yet. */
  me: ZLeaderboardMe.nullable(),
});
export type LeaderboardResponse = z.infer<typeof ZLeaderboardResponse>;

export const ZRebuildLeaderboardsResponse = z.object({ jobId: z.string() });

/** What a `leaderboard:subscribe` ack carries besides `ok`: the board as it is now. */
export const ZLeaderboardSubscribeAck = z.object({
  ok: z.literal(true),
  board: ZLeaderboardResponse,
});
export type LeaderboardSubscribeAck = z.infer<typeof ZLeaderboardSubscribeAck>;
