/**
 * Live leaderboards: Redis sorted sets fed by the ledger's `xp.awarded` facts, read with
 * names resolved, broadcast to board rooms through a leading-edge throttle, and rebuilt
 * from the ledger on demand.
 */
import {
  LEADERBOARD_BROADCAST_TOP,
  rooms,
  weekOf,
  type LeaderboardEntry,
  type LeaderboardPeriod,
  type LeaderboardResponse,
  type LeaderboardScope,
  type LeaderboardUpdateEvent,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { randomUUID } from 'node:crypto';
import type { XpAwardedFact } from '../progress/facts';
import { rebuildLeaderboardsJob } from './jobs';
import {
  applyIncrements,
  boardIdText,
  readBoard,
  removeMember,
  type BoardId,
  type BoardIncrement,
  type RawRow,
} from './boards';
import { rebuildBoards, type RebuildSummary } from './rebuild';
import * as repo from './repo';
import { LeadingThrottle } from './throttle';
import { areaWeeks } from './weeks';

/** At most one `leaderboard:update` per board per this many milliseconds. */
export const BROADCAST_INTERVAL_MS = 250;

const SCOPES: LeaderboardScope[] = ['users', 'teams'];
const PERIODS: LeaderboardPeriod[] = ['all', 'week'];

export const boardsOfArea = (areaId: string): BoardId[] =>
  SCOPES.flatMap((scope) => PERIODS.map((period) => ({ areaId, scope, period })));

/**
 * The board rows an award adds to: user all/week, and team all/week for team awards; the
 * week is the area's week of the award.
 */
export function incrementsFor(
  facts: XpAwardedFact[],
  timeZoneOf: (areaId: string) => string,
): BoardIncrement[] {
  const out: BoardIncrement[] = [];
  for (const f of facts) {
    const week = weekOf(f.at, timeZoneOf(f.areaId));
    for (const period of PERIODS) {
      out.push({
        board: { areaId: f.areaId, scope: 'users', period },
        member: f.userId,
        amount: f.amount,
        at: f.at,
        week,
      });
      if (f.teamId) {
        out.push({
          board: { areaId: f.areaId, scope: 'teams', period },
          member: f.teamId,
          amount: f.amount,
          at: f.at,
          week,
        });
      }
    }
  }
  return out;
}

export interface BoardRequest {
  areaId: string;
  scope: LeaderboardScope;
  period: LeaderboardPeriod;
  limit: number;
  /** The caller's user id (users scope) or team id (teams scope); null for no `me`. */
  memberId: string | null;
}

export function createLeaderboardsService(
  infra: Pick<Infra, 'db' | 'redis' | 'key' | 'clock' | 'io' | 'logger' | 'jobs'>,
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

  /** Adds the award to every board in one round trip; broadcasts follow, throttled. */
  async function recordAward(facts: XpAwardedFact[]): Promise<BoardId[]> {
    const zones = await weeks.timeZonesOf(facts.map((f) => f.areaId));
    const increments = incrementsFor(facts, (areaId) => zones.get(areaId)!);
    const touched = await applyIncrements(infra.redis, infra.key, increments);
    for (const b of touched) throttle.touch(b);
    return touched;
  }

  /**
   * Recomputes every board from the ledger. Broadcasts go through the throttle, or are sent
   * and awaited when the caller is about to exit (the CLI).
   */
  async function rebuild(options: { awaitBroadcasts?: boolean } = {}): Promise<RebuildSummary> {
    const summary = await rebuildBoards(
      { db: infra.db, redis: infra.redis, key: infra.key, now: infra.clock.now() },
      (areaIds) => areaIds.flatMap(boardsOfArea),
    );
    if (options.awaitBroadcasts) await Promise.all(summary.boards.map(broadcast));
    else for (const b of summary.boards) throttle.touch(b);
    infra.logger.info({ boardKeys: summary.boardKeys, rows: summary.rows }, 'leaderboards rebuilt');
    return summary;
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

  return {
    board,
    recordAward,
    rebuild,
    rebuildJob,
    requestRebuild,
    removeTeam,
    close: () => throttle.close(),
  };
}
export type LeaderboardsService = ReturnType<typeof createLeaderboardsService>;
