import { rooms } from '@govcraft/shared';
import { AppError, forbidden } from '../../lib/errors';
import type { SocketHandler } from '../../realtime/types';
import type { TeamsService } from './service';

/** `team:join`: only members hear their team's room. */
export function teamJoinHandler(teams: Pick<TeamsService, 'isMember'>): SocketHandler<'team:join'> {
  return async (socket, { teamId }) => {
    const userId = socket.data.userId;
    if (!userId) throw new AppError('unauthenticated', 'sign in to do this');
    if (!(await teams.isMember(teamId, userId))) {
      throw forbidden('you can only follow your own team');
    }
    await socket.join(rooms.team(teamId));
    return { teamId };
  };
}
