/**
 * The Redis side of leaderboards: one sorted set per (area, scope, period[, week]) and one
 * version counter per (area, scope, period). Ledger rows reach the boards through one Lua
 * call per batch (apply.ts), and a board is read with its version in one MULTI so the
 * version always describes exactly the rows sent with it.
 */
import type { CalendarWeek, LeaderboardPeriod, LeaderboardScope } from '@govcraft/shared';
import type { Redis } from '../../redis/connection';
import { xpOfScore } from './score';

export type KeyFn = (...parts: string[]) => string;

export interface BoardId {
  areaId: string;
  scope: LeaderboardScope;
  period: LeaderboardPeriod;
}

export const boardIdText = (b: BoardId) => `${b.areaId}:${b.scope}:${b.period}`;

/**
 * Sorted-set key; a weekly board names its ISO week in the area's time zone, e.g.
 * `lb:<area>:users:w:2026-W48` (the week is ignored for all-time boards).
 */
export function boardKey(key: KeyFn, b: BoardId, week: CalendarWeek): string {
  return b.period === 'all'
    ? allTimeKey(key, b.areaId, b.scope)
    : weeklyKey(key, b.areaId, b.scope, week);
}

export const allTimeKey = (key: KeyFn, areaId: string, scope: LeaderboardScope) =>
  key('lb', areaId, scope, 'all');

export const weeklyKey = (
  key: KeyFn,
  areaId: string,
  scope: LeaderboardScope,
  week: CalendarWeek,
) => key('lb', areaId, scope, 'w', week.id);

export const versionKey = (key: KeyFn, b: BoardId) => key('lbv', b.areaId, b.scope, b.period);

/** Every live board key starts with this (`lbv:` version keys do not match `lb:*`). */
export const boardKeyPattern = (key: KeyFn) => `${key('lb')}:*`;

export interface BoardIncrement {
  board: BoardId;
  member: string;
  amount: number;
  at: Date;
  /** The area's week `at` falls in. */
  week: CalendarWeek;
}

export interface RawRow {
  id: string;
  rank: number;
  xp: number;
}

function rowsFrom(flat: string[], firstRank: number): RawRow[] {
  const rows: RawRow[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) {
    rows.push({ id: flat[i]!, rank: firstRank + i / 2, xp: xpOfScore(Number(flat[i + 1])) });
  }
  return rows;
}

export interface RawBoard {
  version: number;
  top: RawRow[];
  /** The asked-for member's window (two above, two below), or null when not on the board. */
  around: { rank: number; xp: number; rows: RawRow[] } | null;
}

/**
 * Reads the top N, the version and optionally one member's neighbourhood as one snapshot;
 * `week` is the area's current week.
 */
export async function readBoard(
  redis: Redis,
  key: KeyFn,
  board: BoardId,
  week: CalendarWeek,
  limit: number,
  memberId: string | null,
): Promise<RawBoard> {
  const zkey = boardKey(key, board, week);
  const multi = redis
    .multi()
    .zrevrange(zkey, 0, limit - 1, 'WITHSCORES')
    .get(versionKey(key, board));
  if (memberId) multi.zrevrank(zkey, memberId);
  const results = (await multi.exec()) ?? [];
  for (const [err] of results) if (err) throw err;
  const top = rowsFrom(results[0]![1] as string[], 1);
  const version = Number(results[1]![1] ?? 0);
  const rank0 = memberId ? (results[2]![1] as number | null) : null;
  if (rank0 === null) return { version, top, around: null };
  // A second read for the window: it may see a later award than the snapshot above, which
  // only matters for a personal row that is refreshed on the next read anyway.
  const start = Math.max(rank0 - 2, 0);
  const flat = await redis.zrevrange(zkey, start, rank0 + 2, 'WITHSCORES');
  const rows = rowsFrom(flat, start + 1);
  const mine = rows.find((r) => r.id === memberId);
  return { version, top, around: mine ? { rank: mine.rank, xp: mine.xp, rows } : null };
}

/** Removes a member (a deleted team) from the all-time and current-week boards. */
export async function removeMember(
  redis: Redis,
  key: KeyFn,
  boards: BoardId[],
  member: string,
  week: CalendarWeek,
): Promise<void> {
  const multi = redis.multi();
  for (const b of boards) {
    multi.zrem(boardKey(key, b, week), member);
    multi.incr(versionKey(key, b));
  }
  await multi.exec();
}
