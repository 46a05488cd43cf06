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
  const health = createHealthService(infra);
  return { rateLimits, audit, progress, accounts, areas, health };
}
export type Services = ReturnType<typeof createServices>;

/** Every HTTP route; app.ts mounts them and the OpenAPI document lists them. */
export function allRoutes(s: Services): AnyRouteSpec[] {
  return [
    ...healthRoutes(s.health),
    ...accountsRoutes(s.accounts),
    ...areasRoutes(s.areas, s.audit),
  ];
}

/** Every BullMQ job definition; worker roles run them. */
export function allJobs(_s: Services): AnyJobDefinition[] {
  return [];
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
    'team:join': async () => {
      throw new AppError('not_found', 'teams are not available yet');
    },
    'map:viewport': async (socket, { slug }) => {
      // Markers are broadcast per area; the viewport only confirms the area subscription.
      const areaId = await s.areas.idOfSlug(slug);
      await socket.join(rooms.area(areaId));
      return { areaId };
    },
    'leaderboard:subscribe': async () => {
      throw new AppError('not_found', 'leaderboards are not available yet');
    },
  };
}

/** Reactions between features, all in one place (see lib/domain-events.ts). */
export function wireDomainEvents(_infra: Infra, _s: Services): void {}
