import { rooms } from '@govcraft/shared';
import type { SocketHandlerTable } from '../../realtime/types';
import type { AccountsService } from '../accounts/service';
import type { QuestsService } from '../quests/service';

type CommentSockets = Pick<SocketHandlerTable, 'comments:join' | 'comments:leave'>;

/**
 * A thread's room is open to whoever may read the quest: anyone for a public quest, the
 * proposer and the area's officers for a proposal (the same rule as reading it).
 */
export function commentSocketHandlers(
  quests: Pick<QuestsService, 'view'>,
  accounts: Pick<AccountsService, 'actorFor'>,
): CommentSockets {
  return {
    'comments:join': async (socket, { questId }) => {
      const userId = socket.data.userId;
      const actor = userId ? await accounts.actorFor(userId) : null;
      await quests.view(actor, questId);
      await socket.join(rooms.comments(questId));
      return { questId };
    },
    'comments:leave': async (socket, { questId }) => {
      await socket.leave(rooms.comments(questId));
      return { questId };
    },
  };
}
