/**
 * Reports of what people wrote or uploaded, and moderators' decisions on them. A report
 * names its content by kind and id; each kind is owned by the feature that stores it.
 */
import { z } from 'zod';
import { REPORT_REASON_MAX_LENGTH } from '../rules/comments';
import { ZId, ZIsoDateTime, ZList, ZPlainText } from './common';

/** What can be reported. The table stores the kind as text, so a new kind needs no migration. */
export const CONTENT_KINDS = ['comment'] as const;
export const ZContentKind = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ZContentKind>;

export const REPORT_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export const ZReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ZReportStatus>;

export const ZReportReason = ZPlainText(REPORT_REASON_MAX_LENGTH, { min: 3, multiline: true });

export const ZContentRef = z.object({ kind: ZContentKind, id: ZId });
export type ContentRef = z.infer<typeof ZContentRef>;

export const ZReportContentRequest = z.object({
  content: ZContentRef,
  reason: ZReportReason,
});
export type ReportContentRequest = z.infer<typeof ZReportContentRequest>;

export const ZReportReceipt = z.object({ id: ZId, status: ZReportStatus });
export type ReportReceipt = z.infer<typeof ZReportReceipt>;

export const MODERATION_ACTIONS = ['hide', 'restore', 'dismiss'] as const;
export const ZModerationAction = z.enum(MODERATION_ACTIONS);
export type ModerationAction = z.infer<typeof ZModerationAction>;

export const ZModerationDecisionRequest = z.object({
  content: ZContentRef,
  action: ZModerationAction,
  /** Shown to the author when their content is hidden or restored. */
  reason: ZPlainText(REPORT_REASON_MAX_LENGTH, { min: 3, multiline: true }),
});
export type ModerationDecisionRequest = z.infer<typeof ZModerationDecisionRequest>;

export const ZReportQueueQuery = z.object({ status: ZReportStatus.default('open') });

export const ZReportedContent = z.object({
  kind: ZContentKind,
  id: ZId,
  /** What was written, as the moderator needs to judge it (null once the author deleted it). */
  text: z.string().nullable(),
  authorName: z.string(),
  hidden: z.boolean(),
  /** The quest the content belongs to, for a link to it. */
  questId: ZId.nullable(),
});

export const ZReportQueueItem = z.object({
  content: ZReportedContent,
  reports: z.array(
    z.object({ id: ZId, reason: z.string(), status: ZReportStatus, createdAt: ZIsoDateTime }),
  ),
  firstReportedAt: ZIsoDateTime,
});
export type ReportQueueItem = z.infer<typeof ZReportQueueItem>;

export const ZReportQueue = ZList(ZReportQueueItem);
export type ReportQueue = z.infer<typeof ZReportQueue>;
