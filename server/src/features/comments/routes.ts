import { commentsContracts as api } from '@govcraft/shared';
import {
  actorOf,
  defineRoute,
  PUBLIC,
  SIGNED_IN,
  userIdOf,
  type Access,
  type AnyRouteSpec,
} from '../../http/route';
import type { QuestsService } from '../quests/service';
import type { CommentsService } from './service';

export function commentsRoutes(
  comments: CommentsService,
  quests: Pick<QuestsService, 'areaIdOf'>,
): AnyRouteSpec[] {
  const officerOfQuest: Access<{ questId: string }> = {
    kind: 'area',
    role: 'officer',
    areaOf: (p) => quests.areaIdOf(p.questId),
  };
  /** Reading the quest decides who may comment; authorship decides edits and deletes. */
  const ownWrite = { access: SIGNED_IN, rateLimit: 'write' } as const;
  return [
    defineRoute(api.listComments, {
      access: PUBLIC,
      handler: ({ actor, params }) => comments.list(actor, params.questId),
    }),
    defineRoute(api.postComment, {
      access: SIGNED_IN,
      rateLimit: 'comment',
      handler: ({ actor, params, body }) => comments.post(actorOf(actor), params.questId, body),
    }),
    defineRoute(api.editComment, {
      ...ownWrite,
      handler: ({ actor, params, body }) =>
        comments.edit(userIdOf(actor), params.commentId, body.body),
    }),
    defineRoute(api.deleteComment, {
      ...ownWrite,
      handler: ({ actor, params }) => comments.remove(userIdOf(actor), params.commentId),
    }),
    defineRoute(api.pinComment, {
      access: officerOfQuest,
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        comments.pin(actorOf(actor), params.questId, body.commentId),
    }),
  ];
}
