import { levelForXp, weeklyStreak, type ProgressSummary } from '@govcraft/shared';
import type { Infra } from '../../context';
import * as repo from './repo';

/** Everything here is derived from the append-only XP ledger. */
export function createProgressService(infra: Pick<Infra, 'db' | 'clock'>) {
  async function summaryFor(userId: string): Promise<ProgressSummary> {
    const [totals, dates] = await Promise.all([
      repo.totalsForUser(infra.db, userId),
      repo.awardDatesForUser(infra.db, userId),
    ]);
    const level = levelForXp(totals.amount);
    const streak = weeklyStreak(dates, infra.clock.now());
    return {
      totalXp: totals.amount,
      level: level.level,
      levelStartXp: level.levelStartXp,
      nextLevelXp: level.nextLevelXp,
      bySuperpower: {
        urgent_optimism: totals.urgentOptimism,
        social_fabric: totals.socialFabric,
        blissful_productivity: totals.blissfulProductivity,
        epic_meaning: totals.epicMeaning,
      },
      streakWeeks: streak.current,
      longestStreakWeeks: streak.longest,
      questsCompleted: totals.quests,
    };
  }
  return { summaryFor };
}
export type ProgressService = ReturnType<typeof createProgressService>;
