/** The facts progress publishes after a ledger transaction commits. */
import type { Superpower } from '@govcraft/shared';

/** One ledger row as listeners see it: who was paid, where, how much, by superpower. */
export interface XpAwardedFact {
  userId: string;
  teamId: string | null;
  areaId: string;
  questId: string;
  evidenceId: string;
  amount: number;
  bySuperpower: Record<Superpower, number>;
  /** Ledger commit time; weekly boards key on it. */
  at: Date;
}

/**
 * One compensating ledger row: XP taken back from `userId` (a negative `amount`), why, and
 * who decided it. Published after the reversal's transaction commits.
 */
export interface XpReversedFact extends XpAwardedFact {
  ledgerId: number;
  /** The ledger row taken back. */
  reversesId: number;
  reason: string;
  actorId: string;
}
