import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import { feature } from '../module';
import type { TeamsService } from '../teams/service';
import { leaderboardsRoutes } from './routes';
import { createLeaderboardsService } from './service';
import { leaderboardSubscribeHandler } from './socket';

/**
 * Live boards follow the ledger: every committed award (`xp.awarded`, published by progress
 * after the evidence payout commits) is added here; a deleted team leaves the boards.
 */
export function leaderboardsFeature(
  infra: Infra,
  below: { areas: AreasService; teams: TeamsService },
) {
  const leaderboards = createLeaderboardsService(infra);
  const deps = { leaderboards, areas: below.areas, teams: below.teams };
  return feature('leaderboards', leaderboards, {
    routes: leaderboardsRoutes(deps),
    jobs: [leaderboards.rebuildJob],
    sockets: { 'leaderboard:subscribe': leaderboardSubscribeHandler(deps) },
    listeners: {
      // One Lua round trip per award; broadcasts are throttled per board.
      'xp.awarded': async (facts) => {
        await leaderboards.recordAward(facts);
      },
      'team.deleted': ({ areaId, teamId }) => leaderboards.removeTeam(areaId, teamId),
    },
  });
}
