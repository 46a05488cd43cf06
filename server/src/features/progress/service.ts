import {
  levelForXp,
  memberXp,
  rooms,
  splitXpBySuperpower,
  teamCompletionXp,
  weeklyStreak,
  type MyProgress,
  type ProgressSummary,
  type Superpower,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { bySuperpowerOf, columnsOf } from '../../lib/superpower-columns';
import type { XpAwardedFact, XpReversedFact } from './facts';
import { reversalNotice } from './reversal-notice';
import * as repo from './repo';

export interface AwardRecipient {
  userId: string;
  teamId: string | null;
}

export interface AwardInput {
  evidenceId: string;
  questId: string;
  areaId: string;
  xp: number;
  superpowers: readonly Superpower[];
  recipients: readonly AwardRecipient[];
  /** Why the XP was paid, kept on the ledger row: "verified by checks", "approved by officer". */
  reason: string;
}

function toFact(row: repo.LedgerRow): XpAwardedFact {
  return {
    userId: row.userId,
    teamId: row.teamId,
    areaId: row.areaId,
    questId: row.questId,
    evidenceId: row.evidenceId,
    amount: row.amount,
    bySuperpower: bySuperpowerOf(row),
    at: row.createdAt,
  };
}

/** Everything here is derived from the append-only XP ledger. */
export function createProgressService(
  infra: Pick<Infra, 'db' | 'clock' | 'io' | 'events' | 'logger'>,
) {
  async function summaryFor(userId: string): Promise<ProgressSummary> {
    const [totals, awardTimes] = await Promise.all([
      repo.totalsForUser(infra.db, userId),
      repo.awardTimesForUser(infra.db, userId),
    ]);
    const { amount, quests, ...bySuperpower } = totals;
    const level = levelForXp(amount);
    const streak = weeklyStreak(awardTimes, infra.clock.now());
    return {
      totalXp: amount,
      level: level.level,
      levelStartXp: level.levelStartXp,
      nextLevelXp: level.nextLevelXp,
      bySuperpower,
      streakWeeks: streak.current,
      longestStreakWeeks: streak.longest,
      questsCompleted: quests,
    };
  }

  /**
   * One row per recipient. A team quest (several recipients) pays each member by the team
   * rule and adds the team's completion to its board once, on the first recipient's row.
   */
  function ledgerRowsFor(input: AwardInput): repo.NewAward[] {
    const unique = [...new Map(input.recipients.map((r) => [r.userId, r])).values()];
    const asTeam = unique.length > 1;
    const xp = asTeam ? memberXp(input.xp) : input.xp;
    const split = splitXpBySuperpower(xp, input.superpowers);
    const columns = columnsOf(split);
    const amount = split.reduce((sum, p) => sum + p.amount, 0);
    const teamXp = asTeam ? teamCompletionXp(input.xp, unique.length) : amount;
    return unique.map((r, i) => ({
      userId: r.userId,
      teamId: r.teamId,
      areaId: input.areaId,
      questId: input.questId,
      evidenceId: input.evidenceId,
      amount,
      ...columns,
      reason: input.reason,
      teamAmount: r.teamId === null ? null : i === 0 ? teamXp : 0,
    }));
  }

  /**
   * Writes the ledger rows for verified evidence inside the caller's transaction, one
   * statement for all of them: each quest's XP to every recipient, split by superpower.
   * Returns the facts of rows actually written (none where that evidence or quest already
   * paid), for `announce` after commit.
   */
  async function awardMany(tx: DbOrTx, inputs: readonly AwardInput[]): Promise<XpAwardedFact[]> {
    const rows = await repo.insertAwards(tx, inputs.flatMap(ledgerRowsFor));
    return rows.map(toFact);
  }

  /** After the ledger transaction committed: tell listeners and each paid person's screens. */
  async function announce(facts: XpAwardedFact[]): Promise<void> {
    if (facts.length === 0) return;
    const [, totals] = await Promise.all([
      infra.events.publish('xp.awarded', facts),
      repo.totalXpOfUsers(
        infra.db,
        facts.map((f) => f.userId),
      ),
    ]);
    for (const fact of facts) {
      const totalXp = totals.get(fact.userId) ?? fact.amount;
      infra.io.to(rooms.user(fact.userId)).emit('xp:awarded', {
        userId: fact.userId,
        evidenceId: fact.evidenceId,
        questId: fact.questId,
        amount: fact.amount,
        bySuperpower: fact.bySuperpower,
        totalXp,
        level: levelForXp(totalXp).level,
      });
    }
  }

  /**
   * Takes back everything this evidence paid, inside the caller's transaction. Returns the
   * facts of the compensating rows written (none when it was already taken back).
   */
  async function reverseEvidence(
    tx: DbOrTx,
    input: { evidenceId: string; reason: string; actorId: string },
  ): Promise<XpReversedFact[]> {
    const rows = await repo.insertReversals(tx, input.evidenceId, input.reason, input.actorId);
    return rows.map((row) => ({
      ...toFact(row),
      ledgerId: row.id,
      reversesId: row.reversesId!,
      reason: row.reason,
      actorId: input.actorId,
    }));
  }

  /** Pays again, once, what a reversal took back from this evidence (an upheld appeal). */
  async function repayEvidence(
    tx: DbOrTx,
    input: { evidenceId: string; reason: string; actorId: string },
  ): Promise<XpAwardedFact[]> {
    const rows = await repo.insertRepayments(tx, input.evidenceId, input.reason, input.actorId);
    return rows.map(toFact);
  }

  /** After the reversal committed: listeners (boards, storylines, notices) and the screens. */
  async function announceReversal(facts: XpReversedFact[]): Promise<void> {
    if (facts.length === 0) return;
    const [, totals] = await Promise.all([
      infra.events.publish('xp.reversed', facts),
      repo.totalXpOfUsers(
        infra.db,
        facts.map((f) => f.userId),
      ),
    ]);
    for (const fact of facts) {
      const totalXp = totals.get(fact.userId) ?? 0;
      // The same event as an award, with a negative amount: the HUD shows the new total.
      infra.io.to(rooms.user(fact.userId)).emit('xp:awarded', {
        userId: fact.userId,
        evidenceId: fact.evidenceId,
        questId: fact.questId,
        amount: fact.amount,
        bySuperpower: fact.bySuperpower,
        totalXp,
        level: levelForXp(totalXp).level,
      });
    }
  }

  /** The caller's own progress with the XP taken back from them, newest first. */
  async function myProgress(userId: string): Promise<MyProgress> {
    const [progress, reversals] = await Promise.all([
      summaryFor(userId),
      repo.recentReversalsForUser(infra.db, userId, 10),
    ]);
    return { progress, reversals: reversals.map(reversalNotice) };
  }

  return {
    summaryFor,
    myProgress,
    award: (tx: DbOrTx, input: AwardInput) => awardMany(tx, [input]),
    awardMany,
    announce,
    reverseEvidence,
    repayEvidence,
    announceReversal,
    ledgerForEvidence: (evidenceId: string) => repo.ledgerForEvidence(infra.db, evidenceId),
  };
}
export type ProgressService = ReturnType<typeof createProgressService>;
