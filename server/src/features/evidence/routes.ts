import multer from 'multer';
import { evidenceContracts as api } from '@govcraft/shared';
import {
  actorOf,
  areaOfSlug,
  defineRoute,
  PLATFORM_ADMIN,
  SIGNED_IN,
  userIdOf,
  type Access,
  type AnyRouteSpec,
  type AreaLookup,
} from '../../http/route';
import type { EvidenceService } from './service';

/** Photos are held in memory only until they are decoded and re-encoded. */
function photoUpload(maxBytes: number) {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 20_000, parts: 6 },
  }).single('photo');
}

export function evidenceRoutes(evidence: EvidenceService, areas: AreaLookup): AnyRouteSpec[] {
  const areaOfEvidence = (
    role: 'resident' | 'moderator' | 'officer',
  ): Access<{ evidenceId: string }> => ({
    kind: 'area',
    role,
    areaOf: (p) => evidence.areaOf(p.evidenceId),
  });
  return [
    defineRoute(api.submitEvidence, {
      access: SIGNED_IN,
      rateLimit: 'evidence',
      before: [photoUpload(evidence.uploadMaxBytes)],
      handler: ({ actor, params, body, req }) =>
        evidence.submit({
          userId: userIdOf(actor),
          questId: params.questId,
          form: body,
          photo: req.file?.buffer ?? null,
        }),
    }),
    defineRoute(api.getEvidence, {
      access: SIGNED_IN,
      handler: ({ actor, params }) => evidence.get(actorOf(actor), params.evidenceId),
    }),
    defineRoute(api.getEvidencePhoto, {
      access: SIGNED_IN,
      handler: async ({ actor, params, res }) => {
        const bytes = await evidence.photo(actorOf(actor), params.evidenceId);
        res.setHeader('Cache-Control', 'private, max-age=3600');
        res.type('image/jpeg').send(bytes);
      },
    }),
    defineRoute(api.attestEvidence, {
      access: areaOfEvidence('resident'),
      rateLimit: 'write',
      handler: ({ actor, params }) => evidence.attest(userIdOf(actor), params.evidenceId),
    }),
    defineRoute(api.listMyEvidence, {
      access: SIGNED_IN,
      handler: ({ actor }) => evidence.mine(userIdOf(actor)),
    }),
    defineRoute(api.getReviewQueue, {
      access: areaOfSlug(areas, 'officer'),
      handler: async ({ params, query }) =>
        evidence.reviewQueue(await areas.idOfSlug(params.slug), query.limit),
    }),
    defineRoute(api.reviewEvidence, {
      access: areaOfEvidence('officer'),
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        evidence.review(userIdOf(actor), params.evidenceId, body),
    }),
    defineRoute(api.rejectVerifiedEvidence, {
      access: areaOfEvidence('moderator'),
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        evidence.rejectVerified(userIdOf(actor), params.evidenceId, body),
    }),
    defineRoute(api.appealReversal, {
      access: SIGNED_IN,
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        evidence.appeal(userIdOf(actor), params.evidenceId, body.reason),
    }),
    defineRoute(api.liftEvidenceSuspension, {
      access: areaOfSlug(areas, 'admin'),
      rateLimit: 'write',
      handler: async ({ actor, params }) =>
        evidence.liftSuspension(userIdOf(actor), await areas.idOfSlug(params.slug), params.userId),
    }),
    defineRoute(api.listFailedJobs, {
      access: PLATFORM_ADMIN,
      handler: ({ query }) => evidence.failedJobs(query.limit),
    }),
  ];
}
