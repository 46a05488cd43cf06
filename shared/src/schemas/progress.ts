/**
 * A resident's own view of their XP: the summary and the XP taken back from them, each
 * with its reason, so a level that went down is always explained.
 */
import { z } from 'zod';
import { ZProgressSummary } from './accounts';
import { ZId, ZIsoDateTime } from './common';

/** XP taken back for one evidence, as its owner sees it. */
export const ZXpReversalNotice = z.object({
  evidenceId: ZId,
  questId: ZId,
  questTitle: z.string().nullable(),
  /** Negative: the XP taken back. */
  amount: z.number().int(),
  reason: z.string(),
  at: ZIsoDateTime,
  levelBefore: z.number().int(),
  levelAfter: z.number().int(),
  /** none: may still appeal; open: waiting for an officer; upheld (XP paid again); dismissed. */
  appeal: z.enum(['none', 'open', 'upheld', 'dismissed']),
});
export type XpReversalNotice = z.infer<typeof ZXpReversalNotice>;

export const ZMyProgress = z.object({
  progress: ZProgressSummary,
  /** Newest first, up to ten. */
  reversals: z.array(ZXpReversalNotice),
});
export type MyProgress = z.infer<typeof ZMyProgress>;

/** The team quest rule as GET /api/rules publishes it: the words and the numbers. */
export const ZTeamScalingRules = z.object({
  description: z.string(),
  teamXpPerExtraMember: z.number(),
  memberXpShare: z.number(),
  membersPerExtraAttestation: z.number().int(),
  maxAttestations: z.number().int(),
});
export type TeamScalingRulesResponse = z.infer<typeof ZTeamScalingRules>;
