/**
 * The XP ledger. Append-only by design: this file has inserts and reads, no update or
 * delete, and a database trigger (db/guards.sql) refuses both anyway.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { xpLedger } from '../../db/schema';

export type LedgerRow = typeof xpLedger.$inferSelect;
export type NewLedgerRow = typeof xpLedger.$inferInsert;

const totalsColumns = {
  amount: sql<number>`coalesce(sum(${xpLedger.amount}), 0)::int`,
  urgentOptimism: sql<number>`coalesce(sum(${xpLedger.urgentOptimism}), 0)::int`,
  socialFabric: sql<number>`coalesce(sum(${xpLedger.socialFabric}), 0)::int`,
  blissfulProductivity: sql<number>`coalesce(sum(${xpLedger.blissfulProductivity}), 0)::int`,
  epicMeaning: sql<number>`coalesce(sum(${xpLedger.epicMeaning}), 0)::int`,
  quests: sql<number>`count(distinct ${xpLedger.questId})::int`,
};

export async function totalsForUser(db: DbOrTx, userId: string) {
  const rows = await db.select(totalsColumns).from(xpLedger).where(eq(xpLedger.userId, userId));
  return rows[0]!;
}

export async function awardDatesForUser(db: DbOrTx, userId: string): Promise<Date[]> {
  const rows = await db
    .select({ at: xpLedger.createdAt })
    .from(xpLedger)
    .where(eq(xpLedger.userId, userId));
  return rows.map((r) => r.at);
}

/**
 * Inserts award rows; a row whose (evidence, user) or (quest, user) is already paid is
 * skipped, so retried or duplicated jobs pay exactly once. Returns only the new rows.
 */
export async function insertAwards(db: DbOrTx, rows: NewLedgerRow[]): Promise<LedgerRow[]> {
  if (rows.length === 0) return [];
  return db.insert(xpLedger).values(rows).onConflictDoNothing().returning();
}

export async function ledgerForEvidence(db: DbOrTx, evidenceId: string): Promise<LedgerRow[]> {
  return db.select().from(xpLedger).where(eq(xpLedger.evidenceId, evidenceId));
}
