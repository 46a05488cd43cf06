import {
  ZComment,
  ZCommentList,
  ZCommentParams,
  ZEditCommentRequest,
  ZPinCommentRequest,
  ZPostCommentRequest,
} from '../schemas/comments';
import { ZQuestParams } from '../schemas/quests';
import { defineContracts } from './contract';

export const commentsContracts = defineContracts('comments', {
  listComments: {
    method: 'get',
    path: '/api/quests/:questId/comments',
    summary: 'The comment thread of a quest or proposal (readable by whoever can read it)',
    params: ZQuestParams,
    response: ZCommentList,
    errors: [404],
  },
  postComment: {
    method: 'post',
    path: '/api/quests/:questId/comments',
    summary: 'Comment on a quest or proposal, or reply to a top-level comment',
    params: ZQuestParams,
    body: ZPostCommentRequest,
    status: 201,
    response: ZComment,
    errors: [404, 409],
  },
  editComment: {
    method: 'patch',
    path: '/api/comments/:commentId',
    summary: 'Edit your own comment within the edit window',
    params: ZCommentParams,
    body: ZEditCommentRequest,
    response: ZComment,
    errors: [403, 404, 409],
  },
  deleteComment: {
    method: 'delete',
    path: '/api/comments/:commentId',
    summary: 'Delete your own comment; replies under it stay',
    params: ZCommentParams,
    response: ZComment,
    errors: [403, 404, 409],
  },
  pinComment: {
    method: 'put',
    path: '/api/quests/:questId/pinned-comment',
    summary: "Pin one comment as the quest's answer, or clear the pin (officers)",
    params: ZQuestParams,
    body: ZPinCommentRequest,
    response: ZCommentList,
    errors: [404, 409],
  },
});
