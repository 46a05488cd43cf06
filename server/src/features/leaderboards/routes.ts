import {
  ZLeaderboardQuery,
  ZLeaderboardResponse,
  ZRebuildLeaderboardsResponse,
  ZSlugParams,
} from '@govcraft/shared';
import { defineRoute, userIdOf, type AnyRouteSpec } from '../../http/route';
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
    defineRoute({
      method: 'get',
      path: '/api/areas/:slug/leaderboards',
      summary: 'A leaderboard: top N, your own row with neighbours, version, week reset time',
      tags: ['leaderboards'],
      params: ZSlugParams,
      query: ZLeaderboardQuery,
      response: ZLeaderboardResponse,
      errors: [404],
      access: { kind: 'public' },
      handler: async ({ actor, params, query }) => {
        const areaId = await deps.areas.idOfSlug(params.slug);
        const memberId = await memberIdFor(deps.teams, areaId, query.scope, actor?.userId ?? null);
        return deps.leaderboards.board({ areaId, ...query, memberId });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/leaderboards/rebuild',
      summary: 'Rebuild every leaderboard from the XP ledger (platform admins; runs as a job)',
      tags: ['leaderboards', 'admin'],
      status: 202,
      response: ZRebuildLeaderboardsResponse,
      access: { kind: 'platform-admin' },
      rateLimit: 'write',
      handler: ({ actor }) => deps.leaderboards.requestRebuild(userIdOf(actor)),
    }),
  ];
}
