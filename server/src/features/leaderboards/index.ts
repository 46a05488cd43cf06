import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import { feature } from '../module';
import type { TeamsService } from '../teams/service';
import { leaderboardsRoutes } from './routes';
import { createLeaderboardsService } from './service';
import { leaderboardSubscribeHandler } from './socket';

/**
 * Live boards follow the ledger through its outbox: every ledger change (an award, a
 * reversal, a re-payment) kicks the relay once committed, and a sweep on worker nodes
 * catches anything a dead process left. A deleted team leaves the boards.
 */
export function leaderboardsFeature(
  infra: Infra,
  below: { areas: AreasService; teams: TeamsService },
) {
  const leaderboards = createLeaderboardsService(infra);
  const deps = { leaderboards, areas: below.areas, teams: below.teams };
  return feature('leaderboards', leaderboards, {
    routes: leaderboardsRoutes(deps),
    jobs: leaderboards.jobs,
    sockets: { 'leaderboard:subscribe': leaderboardSubscribeHandler(deps) },
    listeners: {
      'xp.awarded': () => leaderboards.ledgerChanged(),
      'xp.reversed': () => leaderboards.ledgerChanged(),
      'team.deleted': ({ areaId, teamId }) => leaderboards.removeTeam(areaId, teamId),
    },
  });
}
