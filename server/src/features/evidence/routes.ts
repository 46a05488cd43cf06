import multer from 'multer';
import {
  ZAttestationResponse,
  ZEvidence,
  ZEvidenceIdParams,
  ZEvidenceList,
  ZFailedJobList,
  ZFailedJobsQuery,
  ZQuestParams,
  ZReviewDecisionRequest,
  ZReviewQueue,
  ZReviewQueueQuery,
  ZSlugParams,
  ZSubmitEvidenceForm,
  ZSubmitEvidenceResponse,
} from '@govcraft/shared';
import { defineRoute, userIdOf, type Actor, type AnyRouteSpec } from '../../http/route';
import { AppError } from '../../lib/errors';
import type { EvidenceService } from './service';

export interface AreaLookup {
  idOfSlug(slug: string): Promise<string>;
}

function actorOf(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated', 'sign in to do this');
  return actor;
}

/** Photos are held in memory only until they are decoded and re-encoded. */
function photoUpload(maxBytes: number) {
  return multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 4, fieldSize: 20_000, parts: 6 },
  }).single('photo');
}

export function evidenceRoutes(evidence: EvidenceService, areas: AreaLookup): AnyRouteSpec[] {
  const areaOfEvidence = (p: { evidenceId: string }) => evidence.areaOf(p.evidenceId);
  return [
    defineRoute({
      method: 'post',
      path: '/api/quests/:questId/evidence',
      summary:
        'Send evidence for a quest you joined: check-in (JSON field `checkin`), photo (file `photo`), note (`text`)',
      tags: ['evidence'],
      params: ZQuestParams,
      body: ZSubmitEvidenceForm,
      bodyType: 'multipart',
      status: 202,
      response: ZSubmitEvidenceResponse,
      errors: [403, 404, 409, 413, 415, 422],
      access: { kind: 'user' },
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
    defineRoute({
      method: 'get',
      path: '/api/evidence/:evidenceId',
      summary: 'One evidence with its status, checks, score and reason (owner, team, officers)',
      tags: ['evidence'],
      params: ZEvidenceIdParams,
      response: ZEvidence,
      errors: [404],
      access: { kind: 'user' },
      handler: ({ actor, params }) => evidence.get(actorOf(actor), params.evidenceId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/evidence/:evidenceId/photo',
      summary: 'The evidence photo, re-encoded as JPEG without camera metadata',
      tags: ['evidence'],
      params: ZEvidenceIdParams,
      response: null,
      errors: [404],
      access: { kind: 'user' },
      handler: async ({ actor, params, res }) => {
        const bytes = await evidence.photo(actorOf(actor), params.evidenceId);
        res.setHeader('Cache-Control', 'private, max-age=3600');
        res.type('image/jpeg').send(bytes);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/evidence/:evidenceId/attestations',
      summary: "Vouch for another resident's evidence",
      tags: ['evidence'],
      params: ZEvidenceIdParams,
      response: ZAttestationResponse,
      errors: [404, 409],
      access: { kind: 'area', role: 'resident', areaOf: areaOfEvidence },
      rateLimit: 'write',
      handler: ({ actor, params }) => evidence.attest(userIdOf(actor), params.evidenceId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/evidence',
      summary: 'Evidence you sent, newest first',
      tags: ['evidence'],
      response: ZEvidenceList,
      access: { kind: 'user' },
      handler: ({ actor }) => evidence.mine(userIdOf(actor)),
    }),
    defineRoute({
      method: 'get',
      path: '/api/areas/:slug/review',
      summary: 'Evidence waiting for an officer, oldest first (officers)',
      tags: ['evidence'],
      params: ZSlugParams,
      query: ZReviewQueueQuery,
      response: ZReviewQueue,
      errors: [404],
      access: { kind: 'area', role: 'officer', areaOf: (p) => areas.idOfSlug(p.slug) },
      handler: async ({ params, query }) =>
        evidence.reviewQueue(await areas.idOfSlug(params.slug), query.limit),
    }),
    defineRoute({
      method: 'post',
      path: '/api/evidence/:evidenceId/review',
      summary: "Approve or reject evidence with a reason (officers of the evidence's area)",
      tags: ['evidence'],
      params: ZEvidenceIdParams,
      body: ZReviewDecisionRequest,
      response: ZEvidence,
      errors: [404, 409],
      access: { kind: 'area', role: 'officer', areaOf: areaOfEvidence },
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        evidence.review(userIdOf(actor), params.evidenceId, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/jobs/failed',
      summary: 'Background jobs that failed for good, newest first (platform admins)',
      tags: ['admin'],
      query: ZFailedJobsQuery,
      response: ZFailedJobList,
      access: { kind: 'platform-admin' },
      handler: ({ query }) => evidence.failedJobs(query.limit),
    }),
  ];
}
