/**
 * Taking XP back: rejecting evidence that was already verified, the owner's one appeal,
 * and lifting a suspension that three strikes brought.
 */
import { z } from 'zod';
import { ZId, ZPlainText, ZSlug } from './common';

export const ZRejectVerifiedRequest = z.object({
  /** Shown to the resident with the XP taken back. */
  reason: ZPlainText(500, { min: 3, multiline: true }),
  /** Confirmed cheating adds a strike; three strikes in an area suspend evidence there. */
  cheating: z.boolean(),
});
export type RejectVerifiedRequest = z.infer<typeof ZRejectVerifiedRequest>;

export const ZReversalResponse = z.object({
  evidenceId: ZId,
  /** Ledger rows written by this call; 0 when the evidence had already been reversed. */
  reversedRows: z.number().int(),
  /** XP taken back by this call, as a positive number. */
  xpTakenBack: z.number().int(),
  strike: z.boolean(),
  suspended: z.boolean(),
});
export type ReversalResponse = z.infer<typeof ZReversalResponse>;

export const ZAppealRequest = z.object({ reason: ZPlainText(1000, { min: 3, multiline: true }) });
export type AppealRequest = z.infer<typeof ZAppealRequest>;

export const ZAppealResponse = z.object({
  evidenceId: ZId,
  status: z.enum(['open', 'upheld', 'dismissed']),
});
export type AppealResponse = z.infer<typeof ZAppealResponse>;

export const ZSuspensionParams = z.object({ slug: ZSlug, userId: ZId });

export const ZLiftSuspensionResponse = z.object({ lifted: z.boolean() });
