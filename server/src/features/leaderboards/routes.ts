import { leaderboardsContracts as api } from '@govcraft/shared';
import { ADMIN_TOKEN_OR_PLATFORM_ADMIN } from '../../http/admin-token-access';
import { defineRoute, PUBLIC, type AnyRouteSpec } from '../../http/route';
import type { AreasService } from '../areas/service';
import type { TeamsService } from '../teams/service';
import type { BoardRequest, LeaderboardsService } from './service';

export interface LeaderboardRouteDeps {
  leaderboards: LeaderboardsService;
  areas: Pick<AreasService, 'idOfSlug'>;
  teams: Pick<TeamsService, 'teamOf'>;
}

/** Whose row `me` is: the caller on the residents board, the caller's team on the teams one. */
export async function memberIdFor(
  teams: Pick<TeamsService, 'teamOf'>,
  areaId: string,
  scope: BoardRequest['scope'],
  userId: string | null,
): Promise<string | null> {
  if (!userId) return null;
  if (scope === 'users') return userId;
  return (await teams.teamOf(areaId, userId))?.teamId ?? null;
}

export function leaderboardsRoutes(deps: LeaderboardRouteDeps): AnyRouteSpec[] {
  return [
    defineRoute(api.getLeaderboard, {
      access: PUBLIC,
      handler: async ({ actor, params, query }) => {
        const areaId = await deps.areas.idOfSlug(params.slug);
        const memberId = await memberIdFor(deps.teams, areaId, query.scope, actor?.userId ?? null);
        return deps.leaderboards.board({ areaId, ...query, memberId });
      },
    }),
    defineRoute(api.rebuildLeaderboards, {
      // `npm run leaderboards:rebuild` calls it with the admin token (no person: actor null).
      access: ADMIN_TOKEN_OR_PLATFORM_ADMIN,
      rateLimit: 'write',
      handler: ({ actor }) => deps.leaderboards.requestRebuild(actor?.userId ?? null),
    }),
  ];
}
