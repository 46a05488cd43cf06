/**
 * Accountability for completed quests: the public timeline of status changes, residents'
 * "not fixed" reports, an officer's reopening, and the numbers that weigh who is believed
 * (published by GET /api/rules).
 */
import { z } from 'zod';
import { ZId, ZIsoDateTime, ZPlainText } from './common';
import { ZQuestStatus } from './domain';
import { ZCheckinField } from './evidence';

/** Who made a status change, as a role: the timeline is public, so never a name. */
export const TIMELINE_ROLES = [
  'resident',
  'residents',
  'moderator',
  'officer',
  'admin',
  'system',
] as const;
export const ZTimelineRole = z.enum(TIMELINE_ROLES);
export type TimelineRole = z.infer<typeof ZTimelineRole>;

export const ZQuestStatusEvent = z.object({
  /** null for the quest's first status (posted or proposed). */
  from: ZQuestStatus.nullable(),
  to: ZQuestStatus,
  by: ZTimelineRole,
  at: ZIsoDateTime,
  /** Why, in the words of whoever decided; null when the move explains itself. */
  reason: z.string().nullable(),
});
export type QuestStatusEvent = z.infer<typeof ZQuestStatusEvent>;

/** Whether residents may report this quest not fixed now, and until when. */
export const ZNotFixedWindow = z.object({
  open: z.boolean(),
  /** The latest verified completion this window counts from; null when never completed. */
  completedAt: ZIsoDateTime.nullable(),
  /** Reports are taken until this instant; null when the quest has no completion yet. */
  until: ZIsoDateTime.nullable(),
  windowDays: z.number().int(),
  /** Verified reports in this round and their summed weight, against the quorum. */
  reports: z.number().int(),
  weight: z.number(),
  quorumWeight: z.number(),
});
export type NotFixedWindow = z.infer<typeof ZNotFixedWindow>;

export const ZQuestTimeline = z.object({
  questId: ZId,
  status: ZQuestStatus,
  items: z.array(ZQuestStatusEvent),
  notFixed: ZNotFixedWindow,
});
export type QuestTimeline = z.infer<typeof ZQuestTimeline>;

/** An officer reopens a completed quest: the reason is public, the deadline optional. */
export const ZReopenQuestRequest = z.object({
  reason: ZPlainText(1000, { min: 5, multiline: true }),
  /** The new deadline; absent: the published rule picks one. */
  endsAt: ZIsoDateTime.optional(),
});
export type ReopenQuestRequest = z.infer<typeof ZReopenQuestRequest>;

/** A "not fixed" report: a check-in (JSON in field `checkin`) and/or a photo file. */
export const ZNotFixedReportForm = z.object({
  checkin: ZCheckinField.optional(),
  /** What is still wrong, shown to officers only. */
  note: ZPlainText(1000, { multiline: true }).optional(),
});
export type NotFixedReportForm = z.infer<typeof ZNotFixedReportForm>;

export const NOT_FIXED_REPORT_STATUSES = [
  'pending',
  'verified',
  'needs_review',
  'rejected',
  'upheld',
] as const;
export const ZNotFixedReportStatus = z.enum(NOT_FIXED_REPORT_STATUSES);
export type NotFixedReportStatus = z.infer<typeof ZNotFixedReportStatus>;

export const ZNotFixedReportResponse = z.object({
  reportId: ZId,
  status: ZNotFixedReportStatus,
  /** How much this report weighs, from the reporter's track record (GET /api/rules). */
  weight: z.number(),
});
export type NotFixedReportResponse = z.infer<typeof ZNotFixedReportResponse>;

/** How much a resident's vouch or report weighs, from how often they were right before. */
export const ZReputationRules = z
  .object({
    /** Agreements counted before any record exists (the smoothing prior). */
    priorAgreed: z.number().min(0).max(100),
    /** Disagreements counted before any record exists. */
    priorDisagreed: z.number().min(0).max(100),
    /** The weight of someone always right, in the limit. */
    maxWeight: z.number().min(0.1).max(10),
    /** No one weighs less than this. */
    minWeight: z.number().min(0).max(10),
  })
  .refine((r) => r.minWeight <= r.maxWeight, {
    message: 'minWeight must not be above maxWeight',
    path: ['minWeight'],
  })
  .refine((r) => r.priorAgreed + r.priorDisagreed > 0, {
    message: 'the prior needs at least one count',
    path: ['priorAgreed'],
  });
export type ReputationRules = z.infer<typeof ZReputationRules>;

/** When and how residents' "not fixed" reports reopen a completed quest. */
export const ZReopenRules = z.object({
  /** Days after the latest verified completion in which reports are taken, unless the quest sets its own. */
  defaultWindowDays: z.number().int().min(1).max(365),
  /** Summed weight of verified reports that reopens the quest. */
  quorumWeight: z.number().min(0.1).max(100),
  /** Distinct residents needed whatever their weight. */
  minReporters: z.number().int().min(1).max(100),
  /** A reopened quest gets the length it first had, within these bounds, as its new deadline. */
  newDeadlineMinDays: z.number().int().min(1).max(365),
  newDeadlineMaxDays: z.number().int().min(1).max(365),
});
export type ReopenRules = z.infer<typeof ZReopenRules>;
