/**
 * Comments on quests and proposals (a proposal is a quest in the `proposed` status): one level
 * of replies, shown with the role the writer had in the area when writing.
 */
import { z } from 'zod';
import { COMMENT_MAX_LENGTH } from '../rules/comments';
import { ZId, ZIsoDateTime, ZList, ZPlainText } from './common';
import { ZAreaRole } from './domain';

export const ZCommentBody = ZPlainText(COMMENT_MAX_LENGTH, { multiline: true });

export const ZPostCommentRequest = z.object({
  body: ZCommentBody,
  /** The top-level comment this one answers; replies to replies are refused. */
  parentId: ZId.nullable().optional(),
});
export type PostCommentRequest = z.infer<typeof ZPostCommentRequest>;

export const ZEditCommentRequest = z.object({ body: ZCommentBody });
export type EditCommentRequest = z.infer<typeof ZEditCommentRequest>;

/** Pins one comment as the quest's answer, or clears the pin with null (officers). */
export const ZPinCommentRequest = z.object({ commentId: ZId.nullable() });
export type PinCommentRequest = z.infer<typeof ZPinCommentRequest>;

export const ZCommentParams = z.object({ commentId: ZId });

/** `visible`, or a tombstone kept in place because replies hang under it. */
export const COMMENT_STATES = ['visible', 'deleted', 'hidden'] as const;
export const ZCommentState = z.enum(COMMENT_STATES);
export type CommentState = z.infer<typeof ZCommentState>;

export const ZCommentAuthor = z.object({
  userId: ZId,
  displayName: z.string(),
  /** The writer's role in the area when the comment was posted. */
  role: ZAreaRole,
});

export const ZComment = z.object({
  id: ZId,
  questId: ZId,
  parentId: ZId.nullable(),
  author: ZCommentAuthor,
  /** null for a deleted or hidden comment. */
  body: z.string().nullable(),
  state: ZCommentState,
  /** Only the author sees why a moderator hid their comment; null for everyone else. */
  moderationReason: z.string().nullable(),
  pinned: z.boolean(),
  createdAt: ZIsoDateTime,
  editedAt: ZIsoDateTime.nullable(),
});
export type Comment = z.infer<typeof ZComment>;

export const ZCommentList = ZList(ZComment);
export type CommentList = z.infer<typeof ZCommentList>;

// ---- realtime ---------------------------------------------------------------

export const ZCommentsJoinEvent = z.object({ questId: ZId });
export const ZCommentEvent = z.object({ comment: ZComment });
export type CommentEvent = z.infer<typeof ZCommentEvent>;
/** A comment a moderator hid: everybody drops it (its author gets `comment:moderated`). */
export const ZCommentRemovedEvent = z.object({ questId: ZId, commentId: ZId });
export type CommentRemovedEvent = z.infer<typeof ZCommentRemovedEvent>;
