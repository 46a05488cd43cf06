import multer from 'multer';
import { questsContracts as api } from '@govcraft/shared';
import { defineRoute, PUBLIC, SIGNED_IN, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { NotFixedService } from './service';

/** The photo is held in memory only until it is decoded and re-encoded. */
function photoUpload(maxBytes: number) {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 20_000, parts: 6 },
  }).single('photo');
}

export function notFixedRoutes(notFixed: NotFixedService, uploadMaxBytes: number): AnyRouteSpec[] {
  return [
    defineRoute(api.reportNotFixed, {
      access: SIGNED_IN,
      rateLimit: 'evidence',
      before: [photoUpload(uploadMaxBytes)],
      handler: ({ actor, params, body, req }) =>
        notFixed.report({
          userId: userIdOf(actor),
          questId: params.questId,
          form: body,
          photo: req.file?.buffer ?? null,
        }),
    }),
    defineRoute(api.getQuestTimeline, {
      access: PUBLIC,
      handler: ({ actor, params }) => notFixed.timeline(actor, params.questId),
    }),
  ];
}
