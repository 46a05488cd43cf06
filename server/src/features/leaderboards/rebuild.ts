/**
 * Recomputes every board from the PostgreSQL ledger. Boards are written under temporary
 * keys and swapped in with one MULTI, so readers see the old boards or the new ones, never
 * a half-built board; board keys the ledger no longer backs are deleted in the same MULTI.
 * An award that lands between the ledger read and the swap is lost from the boards until
 * the next rebuild (the ledger keeps it), so run this when the boards are suspect, not
 * on a timer.
 */
import { randomBytes } from 'node:crypto';
import { weeksEndingAt, type LeaderboardScope } from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import type { Redis } from '../../redis/connection';
import {
  allTimeKey,
  boardIdText,
  boardKeyPattern,
  versionKey,
  weeklyKey,
  type BoardId,
  type KeyFn,
} from './boards';
import * as repo from './repo';
import { encodeScore } from './score';
import { WEEKLY_KEY_GRACE_WEEKS, weeklyKeyExpiresAt } from './weeks';

export interface RebuildDeps {
  db: DbOrTx;
  redis: Redis;
  key: KeyFn;
  now: Date;
}

export interface RebuildSummary {
  boardKeys: number;
  rows: number;
  /** Live boards (all-time and this week) whose version was bumped. */
  boards: BoardId[];
}

interface Pending {
  liveKey: string;
  expireAtMs: number | null;
  entries: (string | number)[];
}

/**
 * How many weeks, the current one included, may still have live keys: the weeks of grace,
 * and one more because a week's grace is counted in hours and a DST change moves the
 * next Monday by one.
 */
const WEEKS_BACK = WEEKLY_KEY_GRACE_WEEKS + 2;

/**
 * Each area's weeks whose keys are still live: the current one and those whose grace has
 * not run out. A week whose key would already have expired is history, not a board.
 */
async function liveWeeks(deps: RebuildDeps): Promise<repo.AreaWeek[]> {
  const zones = await repo.areaTimeZones(deps.db);
  return [...zones].flatMap(([areaId, timeZone]) =>
    weeksEndingAt(deps.now, timeZone, WEEKS_BACK)
      .filter((week) => weeklyKeyExpiresAt(week) > deps.now)
      .map((week) => ({ areaId, week })),
  );
}

async function collect(deps: RebuildDeps): Promise<Map<string, Pending>> {
  const byKey = new Map<string, Pending>();
  const weeks = await liveWeeks(deps);
  const weekOf = new Map(weeks.map((w) => [`${w.areaId}/${w.week.id}`, w.week]));
  const sources: [LeaderboardScope, Promise<repo.LedgerTotal[]>][] = [
    ['users', repo.userTotals(deps.db, null)],
    ['users', repo.userTotals(deps.db, weeks)],
    ['teams', repo.teamTotals(deps.db, null)],
    ['teams', repo.teamTotals(deps.db, weeks)],
  ];
  for (const [scope, totalsPromise] of sources) {
    for (const t of await totalsPromise) {
      const week = t.week === null ? null : weekOf.get(`${t.areaId}/${t.week}`)!;
      const expireAtMs = week ? weeklyKeyExpiresAt(week).getTime() : null;
      const liveKey = week
        ? weeklyKey(deps.key, t.areaId, scope, week)
        : allTimeKey(deps.key, t.areaId, scope);
      const pending = byKey.get(liveKey) ?? { liveKey, expireAtMs, entries: [] };
      pending.entries.push(encodeScore(t.xp, t.reachedAt), t.memberId);
      byKey.set(liveKey, pending);
    }
  }
  return byKey;
}

async function existingBoardKeys(redis: Redis, key: KeyFn): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', boardKeyPattern(key), 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

export async function rebuildBoards(
  deps: RebuildDeps,
  liveBoardsOf: (areaIds: string[]) => BoardId[],
): Promise<RebuildSummary> {
  const pending = await collect(deps);
  const run = randomBytes(6).toString('hex');
  const tmpKeys = new Map<string, string>();
  let rows = 0;
  let i = 0;
  for (const p of pending.values()) {
    const tmp = deps.key('lbtmp', run, String(i++));
    tmpKeys.set(p.liveKey, tmp);
    const write = deps.redis.multi();
    for (let j = 0; j < p.entries.length; j += 2000) {
      write.zadd(tmp, ...p.entries.slice(j, j + 2000));
    }
    // Abandoned temporaries (a crash mid-rebuild) clean themselves up.
    write.pexpireat(tmp, p.expireAtMs ?? Date.now() + 3_600_000);
    await write.exec();
    rows += p.entries.length / 2;
  }
  const stale = (await existingBoardKeys(deps.redis, deps.key)).filter((k) => !pending.has(k));
  const areaIds = [...new Set([...pending.keys(), ...stale].map((k) => areaOfKey(deps.key, k)))];
  const boards = liveBoardsOf(areaIds);
  const swap = deps.redis.multi();
  if (stale.length) swap.unlink(...stale);
  for (const p of pending.values()) {
    const tmp = tmpKeys.get(p.liveKey)!;
    swap.rename(tmp, p.liveKey);
    if (p.expireAtMs === null) swap.persist(p.liveKey);
  }
  for (const b of boards) swap.incr(versionKey(deps.key, b));
  const results = (await swap.exec()) ?? [];
  for (const [err] of results) if (err) throw err;
  return { boardKeys: pending.size, rows, boards: dedupe(boards) };
}

function areaOfKey(key: KeyFn, liveKey: string): string {
  return liveKey.slice(key('lb').length + 1).split(':')[0]!;
}

function dedupe(boards: BoardId[]): BoardId[] {
  return [...new Map(boards.map((b) => [boardIdText(b), b])).values()];
}
