/**
 * Live leaderboards: Redis sorted sets fed from the ledger outbox by the relay (each ledger
 * row at most once), read with names resolved, broadcast to board rooms through a
 * leading-edge throttle after each applied pass, rebuilt from a ledger snapshot at any
 * time, and compared with the ledger on a schedule that repairs any drift.
 */
import {
  LEADERBOARD_BROADCAST_TOP,
  rooms,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type LeaderboardResponse,
  type LeaderboardScope,
  type LeaderboardUpdateEvent,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/client';
import { defineSweepJob } from '../../jobs/registry';
import { rebuildLeaderboardsJob } from './jobs';
import { boardIdText, readBoard, removeMember, type BoardId, type RawRow } from './boards';
import { driftGauge, measureDrift } from './drift';
import { boardsLock, ledgerSnapshot } from './outbox';
import { expectedBoards, liveWeeks, rebuildBoards, type RebuildSummary } from './rebuild';
import { createRelay } from './relay';
import * as repo from './repo';
import { LeadingThrottle } from './throttle';
import { areaWeeks } from './weeks';

/** At most one `leaderboard:update` per board per this many milliseconds. */
export const BROADCAST_INTERVAL_MS = 250;
/** The relay sweep: picks up outbox rows a process that died left behind. */
export const RELAY_SWEEP_EVERY_MS = 1_000;
/** How often the boards are compared with the ledger (and repaired when they differ). */
export const DRIFT_CHECK_EVERY_MS = 60_000;

const SCOPES: LeaderboardScope[] = ['users', 'teams'];
const PERIODS: LeaderboardPeriod[] = ['all', 'week'];

export const boardsOfArea = (areaId: string): BoardId[] =>
  SCOPES.flatMap((scope) => PERIODS.map((period) => ({ areaId, scope, period })));

export interface BoardRequest {
  areaId: string;
  scope: LeaderboardScope;
  period: LeaderboardPeriod;
  limit: number;
  /** The caller's user id (users scope) or team id (teams scope); null for no `me`. */
  memberId: string | null;
}

export function createLeaderboardsService(
  infra: Pick<Infra, 'db' | 'redis' | 'key' | 'clock' | 'io' | 'logger' | 'jobs'> &
    Partial<Pick<Infra, 'metrics'>>,
) {
  const weeks = areaWeeks(infra.db);

  async function namesFor(scope: LeaderboardScope, rows: RawRow[]): Promise<LeaderboardEntry[]> {
    const ids = [...new Set(rows.map((r) => r.id))];
    const names =
      scope === 'users' ? await repo.userNames(infra.db, ids) : await repo.teamNames(infra.db, ids);
    const fallback = scope === 'users' ? 'Former resident' : 'Former team';
    return rows.map((r) => ({
      rank: r.rank,
      id: r.id,
      name: names.get(r.id) ?? fallback,
      xp: r.xp,
    }));
  }

  async function board(req: BoardRequest): Promise<LeaderboardResponse> {
    const week = await weeks.weekOf(req.areaId, infra.clock.now());
    const b = { areaId: req.areaId, scope: req.scope, period: req.period };
    const raw = await readBoard(infra.redis, infra.key, b, week, req.limit, req.memberId);
    const [top, neighbours] = await Promise.all([
      namesFor(req.scope, raw.top),
      raw.around ? namesFor(req.scope, raw.around.rows) : Promise.resolve([]),
    ]);
    return {
      ...b,
      version: raw.version,
      weekResetsAt: week.end.toISOString(),
      top,
      me: raw.around ? { rank: raw.around.rank, xp: raw.around.xp, neighbours } : null,
    };
  }

  async function broadcast(b: BoardId): Promise<void> {
    const snapshot = await board({ ...b, limit: LEADERBOARD_BROADCAST_TOP, memberId: null });
    const update: LeaderboardUpdateEvent = {
      areaId: b.areaId,
      scope: b.scope,
      period: b.period,
      version: snapshot.version,
      top: snapshot.top,
    };
    infra.io.to(rooms.leaderboard(b.areaId, b.scope, b.period)).emit('leaderboard:update', update);
  }

  const throttle = new LeadingThrottle<BoardId>(
    BROADCAST_INTERVAL_MS,
    boardIdText,
    broadcast,
    (err, b) => infra.logger.warn({ err, board: boardIdText(b) }, 'leaderboard broadcast failed'),
  );

  /** Rebuilds every board inside a transaction that holds the boards lock. */
  async function rebuildLocked(tx: DbOrTx): Promise<RebuildSummary> {
    const now = infra.clock.now();
    const weeksLive = await liveWeeks(tx, now);
    const snapshot = await ledgerSnapshot(tx, weeksLive, { onlyApplied: false });
    return rebuildBoards(
      { tx, redis: infra.redis, key: infra.key, now },
      weeksLive,
      snapshot,
      (areaIds) => areaIds.flatMap(boardsOfArea),
    );
  }

  const relay = createRelay({
    db: infra.db,
    redis: infra.redis,
    key: infra.key,
    logger: infra.logger,
    timeZonesOf: weeks.timeZonesOf,
    rebuildLocked,
    onApplied: (boards) => {
      for (const b of boards) throttle.touch(b);
    },
  });

  /**
   * Recomputes every board from a ledger snapshot; awards made meanwhile reach the boards
   * through the relay afterwards. Broadcasts go through the throttle, or are sent and
   * awaited when the caller is about to exit (the CLI).
   */
  async function rebuild(options: { awaitBroadcasts?: boolean } = {}): Promise<RebuildSummary> {
    const summary = await infra.db.transaction(async (tx) => {
      await boardsLock(tx);
      return rebuildLocked(tx);
    });
    if (options.awaitBroadcasts) await Promise.all(summary.boards.map(broadcast));
    else for (const b of summary.boards) throttle.touch(b);
    infra.logger.info({ boardKeys: summary.boardKeys, rows: summary.rows }, 'leaderboards rebuilt');
    void relay.kick();
    return summary;
  }

  const gauge = infra.metrics ? driftGauge(infra.metrics) : null;

  /**
   * Compares every board with the ledger rows already applied (under the boards lock, so
   * nothing moves meanwhile), reports the difference on /metrics and repairs it.
   */
  async function checkDrift(): Promise<{ drift: number; repaired: boolean }> {
    const result = await infra.db.transaction(async (tx) => {
      await boardsLock(tx);
      const now = infra.clock.now();
      const weeksLive = await liveWeeks(tx, now);
      const applied = await ledgerSnapshot(tx, weeksLive, { onlyApplied: true });
      const expected = expectedBoards(infra.key, weeksLive, applied.totals);
      const drift = await measureDrift(infra.redis, infra.key, expected);
      const repaired = drift > 0 ? await rebuildLocked(tx) : null;
      return { drift, repaired };
    });
    gauge?.set(result.drift);
    if (result.repaired) {
      infra.logger.warn({ drift: result.drift }, 'leaderboards drifted from the ledger; rebuilt');
      for (const b of result.repaired.boards) throttle.touch(b);
    }
    return { drift: result.drift, repaired: result.repaired !== null };
  }

  const rebuildJob = rebuildLeaderboardsJob(() => rebuild());

  /** Queues a rebuild on the maintenance queue; any worker node runs it. */
  async function requestRebuild(requestedBy: string | null): Promise<{ jobId: string }> {
    const jobId = `leaderboards-rebuild-${randomUUID()}`;
    await infra.jobs.add(rebuildJob, { requestedBy }, { jobId });
    return { jobId };
  }

  /** A deleted team leaves the live boards (the ledger keeps its history). */
  async function removeTeam(areaId: string, teamId: string): Promise<void> {
    const teamBoards = PERIODS.map((period) => ({ areaId, scope: 'teams' as const, period }));
    const week = await weeks.weekOf(areaId, infra.clock.now());
    await removeMember(infra.redis, infra.key, teamBoards, teamId, week);
    for (const b of teamBoards) throttle.touch(b);
  }

  const jobs = [
    rebuildJob,
    defineSweepJob('leaderboards.relay', RELAY_SWEEP_EVERY_MS, () => relay.drain()),
    defineSweepJob('leaderboards.drift-check', DRIFT_CHECK_EVERY_MS, checkDrift),
  ];

  return {
    board,
    /** Ledger rows were committed: moves them onto the boards now (resolves when done). */
    ledgerChanged: () => relay.kick(),
    /** Drains the outbox in this process (tests, the sweep). */
    drainOutbox: async () => {
      await relay.settled();
      return relay.drain();
    },
    rebuild,
    checkDrift,
    rebuildJob,
    jobs,
    requestRebuild,
    removeTeam,
    close: () => {
      relay.close();
      throttle.close();
    },
  };
}
export type LeaderboardsService = ReturnType<typeof createLeaderboardsService>;
