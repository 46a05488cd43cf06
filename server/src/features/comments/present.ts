/**
 * Comments as people see them. A deleted or hidden comment stays in the thread as a
 * tombstone only while replies hang under it; its author alone still sees a hidden comment,
 * with the moderator's reason.
 */
import type { AreaRole, Comment, CommentState } from '@govcraft/shared';
import type { CommentWithAuthor } from './repo';

export function stateOf(row: CommentWithAuthor): CommentState {
  if (row.hiddenAt) return 'hidden';
  if (row.deletedAt) return 'deleted';
  return 'visible';
}

/** One comment as `viewerId` (null: a visitor) sees it. */
export function toComment(row: CommentWithAuthor, viewerId: string | null): Comment {
  const state = stateOf(row);
  const ownHidden = state === 'hidden' && viewerId === row.authorId;
  return {
    id: row.id,
    questId: row.questId,
    parentId: row.parentId,
    author: { userId: row.authorId, displayName: row.authorName, role: row.authorRole as AreaRole },
    body: state === 'visible' || (ownHidden && !row.deletedAt) ? row.body : null,
    state,
    moderationReason: ownHidden ? row.hiddenReason : null,
    pinned: state === 'visible' && row.pinnedAt !== null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

/** The thread as `viewerId` sees it: tombstones only where replies still show under them. */
export function presentThread(rows: CommentWithAuthor[], viewerId: string | null): Comment[] {
  const shown = (r: CommentWithAuthor) =>
    stateOf(r) === 'visible' || (stateOf(r) === 'hidden' && r.authorId === viewerId);
  const parentsWithReplies = new Set(
    rows.filter((r) => r.parentId && shown(r)).map((r) => r.parentId!),
  );
  return rows
    .filter((r) => shown(r) || (!r.parentId && parentsWithReplies.has(r.id)))
    .map((r) => toComment(r, viewerId));
}
