import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { xpLedger } from '../../db/schema';

export async function totalsForUser(db: DbOrTx, userId: string) {
  const rows = await db
    .select({
      amount: sql<number>`coalesce(sum(${xpLedger.amount}), 0)::int`,
      urgentOptimism: sql<number>`coalesce(sum(${xpLedger.urgentOptimism}), 0)::int`,
      socialFabric: sql<number>`coalesce(sum(${xpLedger.socialFabric}), 0)::int`,
      blissfulProductivity: sql<number>`coalesce(sum(${xpLedger.blissfulProductivity}), 0)::int`,
      epicMeaning: sql<number>`coalesce(sum(${xpLedger.epicMeaning}), 0)::int`,
      quests: sql<number>`count(distinct ${xpLedger.questId})::int`,
    })
    .from(xpLedger)
    .where(eq(xpLedger.userId, userId));
  return rows[0]!;
}

export async function awardDatesForUser(db: DbOrTx, userId: string): Promise<Date[]> {
  const rows = await db
    .select({ at: xpLedger.createdAt })
    .from(xpLedger)
    .where(eq(xpLedger.userId, userId));
  return rows.map((r) => r.at);
}
