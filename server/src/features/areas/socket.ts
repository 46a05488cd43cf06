import { rooms } from '@govcraft/shared';
import { AppError } from '../../lib/errors';
import type { SocketHandlerTable } from '../../realtime/types';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from './service';

type AreaSockets = Pick<SocketHandlerTable, 'area:join' | 'officers:join' | 'map:viewport'>;

/** Joining an area's rooms: everybody hears the area, its officers also the officers' room. */
export function areaSocketHandlers(
  areas: Pick<AreasService, 'idOfSlug'>,
  accounts: Pick<AccountsService, 'actorFor' | 'authorise'>,
): AreaSockets {
  const joinArea: AreaSockets['area:join'] = async (socket, { slug }) => {
    const areaId = await areas.idOfSlug(slug);
    await socket.join(rooms.area(areaId));
    return { areaId };
  };
  return {
    'area:join': joinArea,
    'officers:join': async (socket, { slug }) => {
      const userId = socket.data.userId;
      if (!userId) throw new AppError('unauthenticated', 'sign in to do this');
      const areaId = await areas.idOfSlug(slug);
      const actor = await accounts.actorFor(userId);
      if (!actor) throw new AppError('unauthenticated', 'sign in to do this');
      await accounts.authorise(actor, 'officer', areaId);
      await socket.join(rooms.officers(areaId));
      return { areaId };
    },
    // Markers are broadcast per area; the viewport only confirms the area subscription.
    'map:viewport': (socket, { slug }) => joinArea(socket, { slug }),
  };
}
