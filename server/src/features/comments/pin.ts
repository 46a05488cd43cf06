/** Officers pin one comment per quest as its answer; pinning another moves the pin. */
import type { Comment } from '@govcraft/shared';
import type { Actor } from '../accounts/actor';
import type { AuditService } from '../audit/service';
import { AppError, notFound } from '../../lib/errors';
import { stateOf } from './present';
import * as repo from './repo';
import type { Infra } from '../../context';

interface PinDeps {
  audit: Pick<AuditService, 'record'>;
  list: (actor: Actor | null, questId: string) => Promise<{ items: Comment[] }>;
  announceUpdate: (commentId: string, viewerId: string | null) => Promise<Comment>;
}

export function createPinning(infra: Pick<Infra, 'db' | 'clock'>, deps: PinDeps) {
  /** The route guard has checked that the caller is an officer of the quest's area. */
  async function pin(actor: Actor, questId: string, commentId: string | null) {
    const changed = await infra.db.transaction(async (tx) => {
      const target = commentId ? await repo.findComment(tx, commentId, true) : null;
      if (commentId && (!target || target.questId !== questId)) throw notFound('comment');
      if (target && stateOf(target) !== 'visible') {
        throw new AppError('conflict', `this comment was ${stateOf(target)}; it cannot be pinned`);
      }
      const before = await repo.clearPin(tx, questId);
      if (target) await repo.updateComment(tx, target.id, { pinnedAt: infra.clock.now() });
      if (target || before) {
        await deps.audit.record(tx, {
          areaId: target?.areaId ?? before?.areaId ?? null,
          actorId: actor.userId,
          action: target ? 'comment.pin' : 'comment.unpin',
          entityType: 'quest',
          entityId: questId,
          before: { pinned: before?.id ?? null },
          after: { pinned: target?.id ?? null },
        });
      }
      return [before?.id, target?.id].filter((id): id is string => !!id);
    });
    for (const id of new Set(changed)) await deps.announceUpdate(id, actor.userId);
    return deps.list(actor, questId);
  }
  return { pin };
}
