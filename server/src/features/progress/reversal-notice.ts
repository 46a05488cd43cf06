import { levelForXp, type XpReversalNotice } from '@govcraft/shared';
import type { ReversalRecord } from './repo';

const APPEAL_STATES = ['open', 'upheld', 'dismissed'] as const;

/**
 * What a resident is shown for XP taken back: the level is always the level of the XP they
 * hold now, so it can go down; the notice says by how much, from which level and why.
 */
export function reversalNotice(r: ReversalRecord): XpReversalNotice {
  const appeal = APPEAL_STATES.find((s) => s === r.appealStatus) ?? 'none';
  return {
    evidenceId: r.evidenceId,
    questId: r.questId,
    questTitle: r.questTitle,
    amount: r.amount,
    reason: r.reason,
    at: r.at.toISOString(),
    levelBefore: levelForXp(r.xpBefore).level,
    levelAfter: levelForXp(r.xpBefore + r.amount).level,
    appeal,
  };
}
