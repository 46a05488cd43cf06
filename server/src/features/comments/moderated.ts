/**
 * Comments as the moderation queue sees them: what was written and by whom, and the switch a
 * moderator uses to hide or restore one. Hiding runs in the moderator's transaction; the
 * announcement follows its commit: the thread drops the comment, its author learns why.
 */
import { rooms } from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import { stateOf, toComment } from './present';
import * as repo from './repo';
import type { Infra } from '../../context';

export function createModeratedComments(infra: Pick<Infra, 'db' | 'io' | 'clock'>) {
  return {
    async find(db: DbOrTx, commentId: string, lock = false) {
      const row = await repo.findComment(db, commentId, lock);
      if (!row) return null;
      return {
        areaId: row.areaId,
        authorId: row.authorId,
        authorName: row.authorName,
        text: row.deletedAt ? null : row.body,
        hidden: stateOf(row) === 'hidden',
        questId: row.questId,
      };
    },

    /** Hides with the reason its author will see, or restores with `reason` null. */
    async setHidden(tx: DbOrTx, commentId: string, reason: string | null): Promise<void> {
      await repo.updateComment(
        tx,
        commentId,
        reason === null
          ? { hiddenAt: null, hiddenReason: null }
          : { hiddenAt: infra.clock.now(), hiddenReason: reason, pinnedAt: null },
      );
    },

    async announce(commentId: string): Promise<void> {
      const row = await repo.findComment(infra.db, commentId);
      if (!row) return;
      const thread = infra.io.to(rooms.comments(row.questId));
      if (stateOf(row) === 'hidden') {
        thread.emit('comment:removed', { questId: row.questId, commentId });
        infra.io
          .to(rooms.user(row.authorId))
          .emit('comment:moderated', { comment: toComment(row, row.authorId) });
      } else {
        thread.emit('comment:updated', { comment: toComment(row, null) });
      }
    },
  };
}
