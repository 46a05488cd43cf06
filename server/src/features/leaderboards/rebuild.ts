/**
 * Recomputes every board from a ledger snapshot, under the boards lock (outbox.ts), so it
 * can run at any time while awards flow. The snapshot is one statement: totals plus the
 * outbox rows still waiting at that instant. Boards are written under temporary keys and
 * swapped in with one MULTI that also records the waiting rows as applied (so the relay
 * skips them even if this process dies before PostgreSQL hears of it) and sets the epoch.
 * Rows committed after the snapshot stay in the outbox and the relay adds them on top:
 * nothing made during a rebuild is lost, and nothing is counted twice.
 */
import { randomBytes } from 'node:crypto';
import { weeksEndingAt } from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import type { Redis } from '../../redis/connection';
import { appliedKey, epochKey } from './apply';
import {
  allTimeKey,
  boardIdText,
  boardKeyPattern,
  versionKey,
  weeklyKey,
  type BoardId,
  type KeyFn,
} from './boards';
import { markApplied, type LedgerSnapshot, type SnapshotTotal } from './outbox';
import * as repo from './repo';
import { encodeScore } from './score';
import { WEEKLY_KEY_GRACE_WEEKS, weeklyKeyExpiresAt } from './weeks';

export interface RebuildDeps {
  tx: DbOrTx;
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

/** A board key's expected members and scores. */
export interface ExpectedBoard {
  liveKey: string;
  expireAtMs: number | null;
  scores: Map<string, number>;
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
export async function liveWeeks(db: DbOrTx, now: Date): Promise<repo.AreaWeek[]> {
  const zones = await repo.areaTimeZones(db);
  return [...zones].flatMap(([areaId, timeZone]) =>
    weeksEndingAt(now, timeZone, WEEKS_BACK)
      .filter((week) => weeklyKeyExpiresAt(week) > now)
      .map((week) => ({ areaId, week })),
  );
}

/** The snapshot's totals as board keys with their scores. */
export function expectedBoards(
  key: KeyFn,
  weeks: readonly repo.AreaWeek[],
  totals: readonly SnapshotTotal[],
): Map<string, ExpectedBoard> {
  const weekOf = new Map(weeks.map((w) => [`${w.areaId}/${w.week.id}`, w.week]));
  const byKey = new Map<string, ExpectedBoard>();
  for (const t of totals) {
    const week = t.week === null ? null : weekOf.get(`${t.areaId}/${t.week}`)!;
    const liveKey = week
      ? weeklyKey(key, t.areaId, t.scope, week)
      : allTimeKey(key, t.areaId, t.scope);
    const board = byKey.get(liveKey) ?? {
      liveKey,
      expireAtMs: week ? weeklyKeyExpiresAt(week).getTime() : null,
      scores: new Map<string, number>(),
    };
    board.scores.set(t.memberId, encodeScore(t.xp, t.reachedAt));
    byKey.set(liveKey, board);
  }
  return byKey;
}

export async function existingBoardKeys(redis: Redis, key: KeyFn): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', boardKeyPattern(key), 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

/**
 * Swaps the snapshot's boards in and marks its waiting rows applied, in Redis (one MULTI)
 * and then in the caller's transaction. The caller holds the boards lock.
 */
export async function rebuildBoards(
  deps: RebuildDeps,
  weeks: readonly repo.AreaWeek[],
  snapshot: LedgerSnapshot,
  liveBoardsOf: (areaIds: string[]) => BoardId[],
): Promise<RebuildSummary> {
  const expected = expectedBoards(deps.key, weeks, snapshot.totals);
  const run = randomBytes(6).toString('hex');
  const tmpKeys = new Map<string, string>();
  let rows = 0;
  let i = 0;
  for (const board of expected.values()) {
    const tmp = deps.key('lbtmp', run, String(i++));
    tmpKeys.set(board.liveKey, tmp);
    const entries = [...board.scores].flatMap(([member, score]) => [score, member]);
    const write = deps.redis.multi();
    for (let j = 0; j < entries.length; j += 2000) write.zadd(tmp, ...entries.slice(j, j + 2000));
    // Abandoned temporaries (a crash mid-rebuild) clean themselves up.
    write.pexpireat(tmp, board.expireAtMs ?? Date.now() + 3_600_000);
    await write.exec();
    rows += board.scores.size;
  }
  const stale = (await existingBoardKeys(deps.redis, deps.key)).filter((k) => !expected.has(k));
  const areaIds = [...new Set([...expected.keys(), ...stale].map((k) => areaOfKey(deps.key, k)))];
  const boards = dedupe(liveBoardsOf(areaIds));
  const swap = deps.redis.multi();
  if (stale.length) swap.unlink(...stale);
  for (const board of expected.values()) {
    swap.rename(tmpKeys.get(board.liveKey)!, board.liveKey);
    if (board.expireAtMs === null) swap.persist(board.liveKey);
  }
  swap.del(appliedKey(deps.key));
  const waiting = snapshot.pending.map((p) => String(p.ledgerId));
  for (let j = 0; j < waiting.length; j += 2000) {
    swap.sadd(appliedKey(deps.key), ...waiting.slice(j, j + 2000));
  }
  swap.set(epochKey(deps.key), run);
  for (const b of boards) swap.incr(versionKey(deps.key, b));
  const results = (await swap.exec()) ?? [];
  for (const [err] of results) if (err) throw err;
  await markApplied(
    deps.tx,
    snapshot.pending.map((p) => p.outboxId),
  );
  return { boardKeys: expected.size, rows, boards };
}

function areaOfKey(key: KeyFn, liveKey: string): string {
  return liveKey.slice(key('lb').length + 1).split(':')[0]!;
}

function dedupe(boards: BoardId[]): BoardId[] {
  return [...new Map(boards.map((b) => [boardIdText(b), b])).values()];
}
