/**
 * The relay: drains the ledger outbox onto the Redis boards. Each pass holds the boards
 * lock in one transaction, reads waiting rows in outbox order, applies them with the
 * at-most-once Lua call (apply.ts), marks them applied and commits; broadcasts follow.
 * A process killed anywhere in a pass leaves either nothing done (the rows wait for the
 * next pass) or the rows applied in Redis but not marked (the next pass finds them in the
 * applied set and only marks them). A pass finding the boards gone rebuilds them first.
 *
 * Kicked in-process right after each ledger commit, and by a sweep on every worker node,
 * so rows left by a process that died are picked up without anyone asking.
 */
import { weekOf } from '@govcraft/shared';
import type { Db, DbOrTx } from '../../db/client';
import type { Logger } from '../../lib/logger';
import type { Redis } from '../../redis/connection';
import { appliedKey, applyLedgerIncrements, type LedgerIncrement } from './apply';
import type { BoardId, KeyFn } from './boards';
import { markApplied, pendingRows, tryBoardsLock, type PendingRow } from './outbox';

/** Rows per pass; a pass is one transaction and one Lua call. */
const BATCH = 500;
/** When another node holds the lock, look again this soon (its pass may predate our rows). */
const BUSY_RETRY_MS = 20;
const BUSY_RETRIES = 50;

export interface RelayDeps {
  db: Db;
  redis: Redis;
  key: KeyFn;
  logger: Logger;
  timeZonesOf(areaIds: readonly string[], via: DbOrTx): Promise<Map<string, string>>;
  /** Rebuilds every board inside the caller's locked transaction (the boards were lost). */
  rebuildLocked(tx: DbOrTx): Promise<{ boards: BoardId[] }>;
  /** Boards changed and committed: announce them. */
  onApplied(boards: BoardId[]): void;
}

/** The board rows one ledger row changes: its user's and, when it has a share, its team's. */
export function incrementsOf(
  rows: readonly PendingRow[],
  zones: ReadonlyMap<string, string>,
): LedgerIncrement[] {
  const out: LedgerIncrement[] = [];
  for (const r of rows) {
    const week = weekOf(r.boardAt, zones.get(r.areaId)!);
    for (const period of ['all', 'week'] as const) {
      const base = { ledgerId: r.ledgerId, at: r.boardAt, week };
      out.push({
        ...base,
        board: { areaId: r.areaId, scope: 'users', period },
        member: r.userId,
        amount: r.amount,
      });
      if (r.teamId && r.teamAmount !== 0) {
        out.push({
          ...base,
          board: { areaId: r.areaId, scope: 'teams', period },
          member: r.teamId,
          amount: r.teamAmount,
        });
      }
    }
  }
  return out;
}

export function createRelay(deps: RelayDeps) {
  let running: Promise<void> | null = null;
  let again = false;
  let busyRetries = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let closed = false;

  /** One pass: 'busy' when another holder has the lock, else the rows it handled. */
  async function pass(): Promise<'busy' | number> {
    let announce: BoardId[] = [];
    let appliedIds: number[] = [];
    const handled = await deps.db.transaction(async (tx) => {
      if (!(await tryBoardsLock(tx))) return 'busy' as const;
      const rows = await pendingRows(tx, BATCH);
      if (rows.length === 0) return 0;
      const zones = await deps.timeZonesOf(
        rows.map((r) => r.areaId),
        tx,
      );
      const result = await applyLedgerIncrements(deps.redis, deps.key, incrementsOf(rows, zones));
      if (result.kind === 'boards-lost') {
        announce = (await deps.rebuildLocked(tx)).boards;
        return rows.length;
      }
      await markApplied(
        tx,
        rows.map((r) => r.outboxId),
      );
      announce = result.boards;
      appliedIds = rows.map((r) => r.ledgerId);
      return rows.length;
    });
    if (appliedIds.length > 0) {
      // Marked in PostgreSQL now, so the applied set need not remember them; a failure
      // here only leaves ids that the next rebuild clears.
      await deps.redis.srem(appliedKey(deps.key), ...appliedIds.map(String)).catch(() => 0);
    }
    if (announce.length > 0) deps.onApplied(announce);
    return handled;
  }

  /** Passes until the outbox is empty; 'busy' when another holder had the lock. */
  async function drain(): Promise<'busy' | number> {
    let total = 0;
    for (;;) {
      const n = await pass();
      if (n === 'busy') return total > 0 ? total : 'busy';
      total += n;
      if (n < BATCH) return total;
    }
  }

  function retryLater(): void {
    if (closed || retryTimer || busyRetries >= BUSY_RETRIES) return;
    busyRetries++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void kick();
    }, BUSY_RETRY_MS);
    retryTimer.unref();
  }

  /** Kicks not yet covered by a drain: each resolves when a drain started after it ends. */
  let waiting: (() => void)[] = [];

  async function runUntilQuiet(): Promise<void> {
    do {
      again = false;
      const covered = waiting;
      waiting = [];
      try {
        const result = await drain();
        if (result === 'busy') retryLater();
        else busyRetries = 0;
      } catch (err) {
        deps.logger.warn({ err }, 'leaderboard relay pass failed; the sweep will retry');
      } finally {
        for (const resolve of covered) resolve();
      }
    } while (again && !closed);
  }

  /**
   * Runs the relay soon in this process; kicks while it runs coalesce into one more drain.
   * Resolves once a drain that started after this kick is over (at once when closed).
   */
  function kick(): Promise<void> {
    if (closed) return Promise.resolve();
    const done = new Promise<void>((resolve) => waiting.push(resolve));
    if (running) {
      again = true;
      return done;
    }
    running = runUntilQuiet().finally(() => {
      running = null;
      // Kicks that raced the end of the loop get a drain of their own.
      if (waiting.length > 0) void kick();
    });
    return done;
  }

  return {
    kick,
    drain,
    /** Resolves once the run in progress (if any) is over. */
    settled: async () => {
      while (running) await running;
    },
    close: () => {
      closed = true;
      for (const resolve of waiting.splice(0)) resolve();
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
export type Relay = ReturnType<typeof createRelay>;
