/**
 * Recomputes every board from the PostgreSQL ledger. Boards are written under temporary
 * keys and swapped in with one MULTI, so readers see the old boards or the new ones, never
 * a half-built board; board keys the ledger no longer backs are deleted in the same MULTI.
 * An award that lands between the ledger read and the swap is lost from the boards until
 * the next rebuild (the ledger keeps it), so run this when the boards are suspect, not
 * on a timer.
 */
import { randomBytes } from 'node:crypto';
import type { LeaderboardScope } from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import type { Redis } from '../../redis/connection';
import {
  boardIdText,
  boardKey,
  boardKeyPattern,
  versionKey,
  type BoardId,
  type KeyFn,
} from './boards';
import * as repo from './repo';
import { encodeScore } from './score';
import { weeklyKeyExpiresAt } from './weeks';

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

async function collect(deps: RebuildDeps): Promise<Map<string, Pending>> {
  const byKey = new Map<string, Pending>();
  const sources: [LeaderboardScope, boolean, Promise<repo.LedgerTotal[]>][] = [
    ['users', false, repo.userTotals(deps.db, false)],
    ['users', true, repo.userTotals(deps.db, true)],
    ['teams', false, repo.teamTotals(deps.db, false)],
    ['teams', true, repo.teamTotals(deps.db, true)],
  ];
  for (const [scope, weekly, totalsPromise] of sources) {
    for (const t of await totalsPromise) {
      const at = t.week ?? deps.now;
      const expireAtMs = weekly ? weeklyKeyExpiresAt(at).getTime() : null;
      // A week whose key would already have expired is history, not a board.
      if (expireAtMs !== null && expireAtMs <= deps.now.getTime()) continue;
      const liveKey = boardKey(
        deps.key,
        { areaId: t.areaId, scope, period: weekly ? 'week' : 'all' },
        at,
      );
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
