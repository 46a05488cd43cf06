/**
 * Comments on quests and proposals: whoever may read a quest reads its thread; signed-in
 * readers post, with one level of replies. Authors edit within the published window and
 * delete their own; officers pin one answer per quest. Every change writes its audit row in
 * the same transaction, then the thread's room hears it.
 */
import {
  canEditComment,
  COMMENT_EDIT_WINDOW_MS,
  rooms,
  type AreaRole,
  type Comment,
  type PostCommentRequest,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AccountsService } from '../accounts/service';
import type { Actor } from '../accounts/actor';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { QuestsService } from '../quests/service';
import { createModeratedComments } from './moderated';
import { createPinning } from './pin';
import { presentThread, stateOf, toComment } from './present';
import * as repo from './repo';

export interface CommentsDeps {
  quests: Pick<QuestsService, 'view'>;
  areas: Pick<AreasService, 'byId' | 'join'>;
  accounts: Pick<AccountsService, 'roleIn'>;
  audit: Pick<AuditService, 'record'>;
}

export type CommentsInfra = Pick<Infra, 'db' | 'io' | 'clock' | 'events'>;

const EDIT_MINUTES = COMMENT_EDIT_WINDOW_MS / 60_000;

export function createCommentsService(infra: CommentsInfra, deps: CommentsDeps) {
  const { db } = infra;
  const toRoom = (questId: string) => infra.io.to(rooms.comments(questId));

  /** The role shown beside a new comment; readers of a public quest join its area. */
  async function writerRole(actor: Actor, areaId: string): Promise<AreaRole> {
    const role = await deps.accounts.roleIn(actor.userId, areaId);
    if (role) return role;
    if (actor.isPlatformAdmin) return 'admin';
    return (await deps.areas.join(actor.userId, (await deps.areas.byId(areaId)).slug)).role;
  }

  async function list(actor: Actor | null, questId: string): Promise<{ items: Comment[] }> {
    await deps.quests.view(actor, questId);
    return { items: presentThread(await repo.listThread(db, questId), actor?.userId ?? null) };
  }

  async function parentFor(questId: string, parentId: string) {
    const parent = await repo.findComment(db, parentId);
    if (!parent || parent.questId !== questId) {
      throw AppError.field('parentId', 'there is no such comment on this quest');
    }
    if (parent.parentId) {
      throw AppError.field('parentId', 'reply to the first comment of the conversation instead');
    }
    if (stateOf(parent) !== 'visible') {
      throw AppError.field('parentId', 'this comment was removed; it cannot be answered');
    }
    return parent;
  }

  async function post(actor: Actor, questId: string, input: PostCommentRequest): Promise<Comment> {
    const quest = await deps.quests.view(actor, questId);
    const parent = input.parentId ? await parentFor(questId, input.parentId) : null;
    const authorRole = await writerRole(actor, quest.areaId);
    const row = await db.transaction(async (tx) => {
      const row = await repo.insertComment(tx, {
        areaId: quest.areaId,
        questId,
        parentId: parent?.id ?? null,
        authorId: actor.userId,
        authorRole,
        body: input.body,
        createdAt: infra.clock.now(),
      });
      await deps.audit.record(tx, {
        areaId: quest.areaId,
        actorId: actor.userId,
        action: 'comment.post',
        entityType: 'comment',
        entityId: row.id,
        after: { questId, parentId: row.parentId, length: input.body.length },
      });
      return row;
    });
    const found = (await repo.findComment(db, row.id))!;
    const comment = toComment(found, actor.userId);
    toRoom(questId).emit('comment:posted', { comment: toComment(found, null) });
    await infra.events.publish('comment.posted', {
      areaId: row.areaId,
      questId,
      commentId: row.id,
      authorId: actor.userId,
      parentId: row.parentId,
      parentAuthorId: parent?.authorId ?? null,
      at: row.createdAt,
    });
    return comment;
  }

  /** The author's own comment, locked, still showing; otherwise the reason it cannot change. */
  async function ownLiveComment(tx: DbOrTx, userId: string, commentId: string) {
    const row = await repo.findComment(tx, commentId, true);
    if (!row || (stateOf(row) !== 'visible' && row.authorId !== userId)) {
      throw notFound('comment');
    }
    if (row.authorId !== userId) throw forbidden('you can only change your own comments');
    if (stateOf(row) !== 'visible') {
      throw new AppError('conflict', `this comment was ${stateOf(row)} and cannot be changed`);
    }
    return row;
  }

  /** Re-reads a changed comment and tells its thread. */
  async function announceUpdate(commentId: string, viewerId: string | null): Promise<Comment> {
    const row = (await repo.findComment(db, commentId))!;
    toRoom(row.questId).emit('comment:updated', { comment: toComment(row, null) });
    return toComment(row, viewerId);
  }

  async function edit(userId: string, commentId: string, body: string): Promise<Comment> {
    await db.transaction(async (tx) => {
      const row = await ownLiveComment(tx, userId, commentId);
      const now = infra.clock.now();
      if (!canEditComment(row.createdAt, now)) {
        throw new AppError(
          'conflict',
          `the edit window has closed: comments can be edited for ${EDIT_MINUTES} minutes after posting`,
        );
      }
      await repo.updateComment(tx, commentId, { body, editedAt: now });
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId: userId,
        action: 'comment.edit',
        entityType: 'comment',
        entityId: commentId,
        before: { length: row.body.length },
        after: { length: body.length },
      });
    });
    return announceUpdate(commentId, userId);
  }

  /** Soft delete: the words go, a "comment deleted" tombstone keeps replies in place. */
  async function remove(userId: string, commentId: string): Promise<Comment> {
    await db.transaction(async (tx) => {
      const row = await ownLiveComment(tx, userId, commentId);
      await repo.updateComment(tx, commentId, {
        body: '',
        deletedAt: infra.clock.now(),
        pinnedAt: null,
      });
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId: userId,
        action: 'comment.delete',
        entityType: 'comment',
        entityId: commentId,
      });
    });
    return announceUpdate(commentId, userId);
  }

  const pinning = createPinning(infra, { audit: deps.audit, list, announceUpdate });

  return {
    list,
    post,
    edit,
    remove,
    pin: pinning.pin,
    /** The moderation queue's view of comments and its hide/restore switch. */
    moderated: createModeratedComments(infra),
  };
}
export type CommentsService = ReturnType<typeof createCommentsService>;
