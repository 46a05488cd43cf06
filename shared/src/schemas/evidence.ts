/**
 * Evidence a resident sends for a quest, what the verification worker decides about it and
 * the officer review queue. Multipart fields arrive as strings, so the check-in is a JSON
 * string parsed here, with errors naming `checkin.lat` and friends.
 */
import { z } from 'zod';
import { ZId, ZIsoDateTime, ZLimit, ZList, ZPlainText } from './common';
import { ZEvidenceVerdict } from './events';
import { ZLat, ZLng } from './geo';

export const EVIDENCE_TEXT_MAX = 2000;
export const CHECKIN_ACCURACY_MAX_M = 5000;
export const REVIEW_REASON_MAX = 500;

export const ZCheckin = z.object({
  lat: ZLat,
  lng: ZLng,
  /** The phone's own estimate of its error radius. */
  accuracyM: z.number().min(0).max(CHECKIN_ACCURACY_MAX_M),
  deviceTime: ZIsoDateTime,
  /** A second fix a few seconds later: when it agrees, an impossible-looking move is real. */
  confirmingFix: z
    .object({ lat: ZLat, lng: ZLng, accuracyM: z.number().min(0).max(CHECKIN_ACCURACY_MAX_M) })
    .optional(),
});
export type Checkin = z.infer<typeof ZCheckin>;

/** The `checkin` multipart field: a JSON object sent as text. */
export const ZCheckinField = z
  .string()
  .max(2000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON object {lat,lng,accuracyM,deviceTime}',
      });
      return z.NEVER;
    }
  })
  .pipe(ZCheckin);

/** The text fields of POST /api/quests/:questId/evidence; the photo is the file field `photo`. */
export const ZSubmitEvidenceForm = z.object({
  checkin: ZCheckinField.optional(),
  text: ZPlainText(EVIDENCE_TEXT_MAX, { multiline: true }).optional(),
  /** Evidence captured offline: the phone's clock at capture and at sending (rules/verification/offline). */
  capturedAt: ZIsoDateTime.optional(),
  sentAt: ZIsoDateTime.optional(),
});
export type SubmitEvidenceForm = z.infer<typeof ZSubmitEvidenceForm>;

export const ZSubmitEvidenceResponse = z.object({
  evidenceId: ZId,
  status: z.literal('pending'),
});
export type SubmitEvidenceResponse = z.infer<typeof ZSubmitEvidenceResponse>;

export const ZEvidenceIdParams = z.object({ evidenceId: ZId });
export type EvidenceIdParams = z.infer<typeof ZEvidenceIdParams>;

export const ZEvidence = z.object({
  id: ZId,
  questId: ZId,
  areaId: ZId,
  userId: ZId,
  teamId: ZId.nullable(),
  ...ZEvidenceVerdict.shape,
  checkin: ZCheckin.nullable(),
  text: z.string().nullable(),
  /** Relative URL of the re-encoded photo, or null when none was sent. */
  photoUrl: z.string().nullable(),
  attestations: z.number().int(),
  attestationsNeeded: z.number().int(),
  submittedAt: ZIsoDateTime,
  decidedAt: ZIsoDateTime.nullable(),
});
export type Evidence = z.infer<typeof ZEvidence>;

export const ZEvidenceList = ZList(ZEvidence);
export type EvidenceList = z.infer<typeof ZEvidenceList>;

export const ZAttestationResponse = z.object({
  evidenceId: ZId,
  attestations: z.number().int(),
  attestationsNeeded: z.number().int(),
});
export type AttestationResponse = z.infer<typeof ZAttestationResponse>;

export const ZReviewDecisionRequest = z.object({
  decision: z.enum(['approve', 'reject']),
  reason: ZPlainText(REVIEW_REASON_MAX, { min: 3, multiline: true }),
});
export type ReviewDecisionRequest = z.infer<typeof ZReviewDecisionRequest>;

export const ZReviewQueueItem = ZEvidence.extend({
  questTitle: z.string(),
  quest: z.object({ lat: z.number(), lng: z.number(), radiusM: z.number() }),
  submitterName: z.string(),
});
export type ReviewQueueItem = z.infer<typeof ZReviewQueueItem>;

export const ZReviewQueue = ZList(ZReviewQueueItem);
export type ReviewQueue = z.infer<typeof ZReviewQueue>;

export const ZReviewQueueQuery = z.object({ limit: ZLimit(200, 50) });

/** Payload of the verification job; `trigger` is only for logs. */
export const ZVerifyEvidenceJob = z.object({
  evidenceId: ZId,
  trigger: z.enum(['submitted', 'attestation', 'requeue']).default('submitted'),
});
export type VerifyEvidenceJob = z.infer<typeof ZVerifyEvidenceJob>;

export const ZFailedJob = z.object({
  queue: z.string(),
  id: z.string(),
  name: z.string(),
  failedReason: z.string(),
  attemptsMade: z.number().int(),
  data: z.unknown(),
  failedAt: ZIsoDateTime.nullable(),
});
export const ZFailedJobList = ZList(ZFailedJob);
export type FailedJobList = z.infer<typeof ZFailedJobList>;

export const ZFailedJobsQuery = z.object({ limit: ZLimit(500, 100) });
