/**
 * Builds every feature service from the shared infrastructure, in dependency order, and
 * lists their routes and jobs. Features talk to each other only through these services.
 */
import { rooms } from '@govcraft/shared';
import type { Infra } from './context';
import { AppError } from './lib/errors';
import type { RealtimeSocket, SocketHandlerTable } from './realtime/types';
import type { AnyRouteSpec } from './http/route';
import { RateLimits } from './http/rate-limit';
import type { AnyJobDefinition } from './jobs/registry';
import { accountsRoutes } from './features/accounts/routes';
import { createAccountsService } from './features/accounts/service';
import { areasRoutes } from './features/areas/routes';
import { createAreasService } from './features/areas/service';
import { createAuditService } from './features/audit/service';
import { healthRoutes } from './features/health/routes';
import { createHealthService } from './features/health/service';
import { createProgressService } from './features/progress/service';
import { progressRoutes } from './features/progress/routes';
import { evidenceRoutes } from './features/evidence/routes';
import { createEvidenceService } from './features/evidence/service';
import { leaderboardsRoutes } from './features/leaderboards/routes';
import { createLeaderboardsService } from './features/leaderboards/service';
import { leaderboardSubscribeHandler } from './features/leaderboards/socket';
import { teamsRoutes } from './features/teams/routes';
import { createTeamsService } from './features/teams/service';
import { teamJoinHandler } from './features/teams/socket';
import { questsRoutes } from './features/quests/routes';
import { createQuestsService } from './features/quests/service';
import { storylinesRoutes } from './features/storylines/routes';
import { createStorylinesService } from './features/storylines/service';
import { verificationRoutes } from './features/verification/routes';
import { transparencyRoutes } from './features/transparency/routes';
import { createTransparencyService } from './features/transparency/service';

export function createServices(infra: Infra) {
  const rateLimits = new RateLimits(
    infra.redis,
    infra.config.REDIS_PREFIX,
    infra.config.RATE_LIMIT_MULTIPLIER,
  );
  const audit = createAuditService(infra);
  const progress = createProgressService(infra);
  const accounts = createAccountsService(infra, {
    rateLimits,
    progressSummary: progress.summaryFor,
  });
  const areas = createAreasService(infra, { audit });
  const leaderboards = createLeaderboardsService(infra);
  const teams = createTeamsService(infra, {
    areas,
    accounts,
    audit,
    removeFromBoards: leaderboards.removeTeam,
  });
  const storylines = createStorylinesService(infra, { areas, audit });
  const quests = createQuestsService(infra, {
    areas,
    audit,
    teamOf: teams.teamOf,
    authorise: accounts.authorise,
    storylineAreaOf: storylines.areaOf,
  });
  const evidence = createEvidenceService(infra, {
    quests,
    teamOf: teams.teamOf,
    progress,
    audit,
    authorise: accounts.authorise,
  });
  accounts.registerEraser(evidence.erasePersonalData);
  accounts.registerExporter('evidence', evidence.exportFor);
  const health = createHealthService(infra);
  const transparency = createTransparencyService(infra, { areas });
  return {
    rateLimits,
    audit,
    progress,
    accounts,
    areas,
    leaderboards,
    teams,
    storylines,
    quests,
    evidence,
    health,
    transparency,
  };
}
export type Services = ReturnType<typeof createServices>;

/** Every HTTP route; app.ts mounts them and the OpenAPI document lists them. */
export function allRoutes(s: Services): AnyRouteSpec[] {
  return [
    ...healthRoutes(s.health),
    ...accountsRoutes(s.accounts),
    ...areasRoutes(s.areas, s.audit),
    ...teamsRoutes(s.teams),
    ...leaderboardsRoutes(s),
    ...questsRoutes(s.quests, s.areas),
    ...storylinesRoutes(s.storylines, s.areas),
    ...evidenceRoutes(s.evidence, s.areas),
    ...progressRoutes(s.progress, s.accounts),
    ...verificationRoutes(),
    ...transparencyRoutes(s.transparency, s.areas),
  ];
}

/** Every BullMQ job definition; worker roles run them. */
export function allJobs(s: Services): AnyJobDefinition[] {
  return [s.leaderboards.rebuildJob, ...s.quests.jobs, ...s.evidence.jobs];
}

/** Inbound socket events → handlers; the gateway parses payloads before calling them. */
export function socketHandlers(_infra: Infra, s: Services): SocketHandlerTable {
  const requireUser = (socket: RealtimeSocket) => {
    if (!socket.data.userId) throw new AppError('unauthenticated', 'sign in to do this');
    return socket.data.userId;
  };
  return {
    'area:join': async (socket, { slug }) => {
      const areaId = await s.areas.idOfSlug(slug);
      await socket.join(rooms.area(areaId));
      return { areaId };
    },
    'officers:join': async (socket, { slug }) => {
      const userId = requireUser(socket);
      const areaId = await s.areas.idOfSlug(slug);
      const actor = await s.accounts.actorFor(userId);
      if (!actor) throw new AppError('unauthenticated', 'sign in to do this');
      await s.accounts.authorise(actor, 'officer', areaId);
      await socket.join(rooms.officers(areaId));
      return { areaId };
    },
    'team:join': teamJoinHandler(s.teams),
    'map:viewport': async (socket, { slug }) => {
      // Markers are broadcast per area; the viewport only confirms the area subscription.
      const areaId = await s.areas.idOfSlug(slug);
      await socket.join(rooms.area(areaId));
      return { areaId };
    },
    'leaderboard:subscribe': leaderboardSubscribeHandler(s),
  };
}

/** Reactions between features, all in one place (see lib/domain-events.ts). */
export function wireDomainEvents(infra: Infra, s: Services): void {
  // Boards follow the ledger: one Lua round trip per award, broadcasts throttled per board.
  infra.events.on('xp.awarded', async (facts) => {
    await s.leaderboards.recordAward(facts);
  });
  // Storylines recount on every verified completion and unlock chapters once.
  infra.events.on('evidence.decided', (facts) => s.storylines.onEvidenceDecided(facts));
}
