import { LEADERBOARD_BROADCAST_TOP, rooms } from '@govcraft/shared';
import type { SocketHandler } from '../../realtime/types';
import type { AreasService } from '../areas/service';
import type { TeamsService } from '../teams/service';
import { memberIdFor } from './routes';
import type { LeaderboardsService } from './service';

/**
 * `leaderboard:subscribe`: joins the board's room, then acks with the board as it is now,
 * so a client that (re)connects starts from current state and then applies newer versions.
 * Joining first means no update can slip between the read and the join.
 */
export function leaderboardSubscribeHandler(deps: {
  leaderboards: Pick<LeaderboardsService, 'board'>;
  areas: Pick<AreasService, 'idOfSlug'>;
  teams: Pick<TeamsService, 'teamOf'>;
}): SocketHandler<'leaderboard:subscribe'> {
  return async (socket, { slug, scope, period }) => {
    const areaId = await deps.areas.idOfSlug(slug);
    await socket.join(rooms.leaderboard(areaId, scope, period));
    const memberId = await memberIdFor(deps.teams, areaId, scope, socket.data.userId);
    const board = await deps.leaderboards.board({
      areaId,
      scope,
      period,
      limit: LEADERBOARD_BROADCAST_TOP,
      memberId,
    });
    return { board };
  };
}
