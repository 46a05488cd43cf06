import { ZSlugParams } from '../schemas/common';
import {
  ZAttestationResponse,
  ZEvidence,
  ZEvidenceIdParams,
  ZEvidenceList,
  ZFailedJobList,
  ZFailedJobsQuery,
  ZReviewDecisionRequest,
  ZReviewQueue,
  ZReviewQueueQuery,
  ZSubmitEvidenceForm,
  ZSubmitEvidenceResponse,
} from '../schemas/evidence';
import { ZQuestParams } from '../schemas/quests';
import { defineContracts } from './contract';

export const evidenceContracts = defineContracts('evidence', {
  submitEvidence: {
    method: 'post',
    path: '/api/quests/:questId/evidence',
    summary:
      'Send evidence for a quest you joined: check-in (JSON field `checkin`), photo (file `photo`), note (`text`)',
    params: ZQuestParams,
    body: ZSubmitEvidenceForm,
    bodyType: 'multipart',
    status: 202,
    response: ZSubmitEvidenceResponse,
    errors: [403, 404, 409, 413, 415, 422],
  },
  getEvidence: {
    method: 'get',
    path: '/api/evidence/:evidenceId',
    summary: 'One evidence with its status, checks, score and reason (owner, team, officers)',
    params: ZEvidenceIdParams,
    response: ZEvidence,
    errors: [404],
  },
  getEvidencePhoto: {
    method: 'get',
    path: '/api/evidence/:evidenceId/photo',
    summary: 'The evidence photo, re-encoded as JPEG without camera metadata',
    params: ZEvidenceIdParams,
    response: null,
    responseType: 'image/jpeg',
    errors: [404],
  },
  attestEvidence: {
    method: 'post',
    path: '/api/evidence/:evidenceId/attestations',
    summary: "Vouch for another resident's evidence",
    params: ZEvidenceIdParams,
    response: ZAttestationResponse,
    errors: [404, 409],
  },
  listMyEvidence: {
    method: 'get',
    path: '/api/me/evidence',
    summary: 'Evidence you sent, newest first',
    response: ZEvidenceList,
  },
  getReviewQueue: {
    method: 'get',
    path: '/api/areas/:slug/review',
    summary: 'Evidence waiting for an officer, oldest first (officers)',
    params: ZSlugParams,
    query: ZReviewQueueQuery,
    response: ZReviewQueue,
    errors: [404],
  },
  reviewEvidence: {
    method: 'post',
    path: '/api/evidence/:evidenceId/review',
    summary: "Approve or reject evidence with a reason (officers of the evidence's area)",
    params: ZEvidenceIdParams,
    body: ZReviewDecisionRequest,
    response: ZEvidence,
    errors: [404, 409],
  },
  listFailedJobs: {
    method: 'get',
    path: '/api/admin/jobs/failed',
    summary: 'Background jobs that failed for good, newest first (platform admins)',
    tags: ['admin'],
    query: ZFailedJobsQuery,
    response: ZFailedJobList,
  },
});
