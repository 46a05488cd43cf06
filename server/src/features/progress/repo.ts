/**
 * The XP ledger. Append-only by design: this file has inserts and reads, no update or
 * delete, and a database trigger (db/guards.sql) refuses both anyway.
 */
import type { ZonedInstant } from '@govcraft/shared';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { inUuids } from '../../db/sql';
import { areas, xpLedger } from '../../db/schema';
import { sumsBySuperpower } from '../../lib/superpower-columns';

export type LedgerRow = typeof xpLedger.$inferSelect;
export type NewLedgerRow = typeof xpLedger.$inferInsert;
/** An award to write: a ledger row without the id and time the database gives it. */
export type NewAward = Required<Omit<NewLedgerRow, 'id' | 'createdAt'>>;

const totalsColumns = {
  amount: sql<number>`coalesce(sum(${xpLedger.amount}), 0)::int`,
  ...sumsBySuperpower(),
  quests: sql<number>`count(distinct ${xpLedger.questId})::int`,
};

export async function totalsForUser(db: DbOrTx, userId: string) {
  const rows = await db.select(totalsColumns).from(xpLedger).where(eq(xpLedger.userId, userId));
  return rows[0]!;
}

/** Total XP of each of these people, in one query; someone with no ledger rows is left out. */
export async function totalXpOfUsers(
  db: DbOrTx,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: xpLedger.userId, amount: totalsColumns.amount })
    .from(xpLedger)
    .where(inUuids(xpLedger.userId, userIds))
    .groupBy(xpLedger.userId);
  return new Map(rows.map((r) => [r.userId, r.amount]));
}

/** When each of a person's awards was made, with the time zone of its area (for streaks). */
export async function awardTimesForUser(db: DbOrTx, userId: string): Promise<ZonedInstant[]> {
  return db
    .select({ at: xpLedger.createdAt, timeZone: areas.timezone })
    .from(xpLedger)
    .innerJoin(areas, eq(areas.id, xpLedger.areaId))
    .where(eq(xpLedger.userId, userId));
}

/**
 * Inserts award rows; a row whose (evidence, user) or (quest, user) is already paid is
 * skipped, so retried or duplicated jobs pay exactly once. Returns only the new rows.
 */
export async function insertAwards(db: DbOrTx, rows: NewAward[]): Promise<LedgerRow[]> {
  if (rows.length === 0) return [];
  // The rows travel as one JSON parameter rather than fourteen per row: a worker's group
  // of awards costs one small statement to build, whatever its size.
  const recordset = JSON.stringify(
    rows.map((r) => ({
      user_id: r.userId,
      team_id: r.teamId,
      area_id: r.areaId,
      quest_id: r.questId,
      evidence_id: r.evidenceId,
      amount: r.amount,
      urgent_optimism: r.urgentOptimism,
      social_fabric: r.socialFabric,
      blissful_productivity: r.blissfulProductivity,
      epic_meaning: r.epicMeaning,
      reason: r.reason,
    })),
  );
  // Drizzle inserts into every column in the table's order, so the select names them all.
  return db
    .insert(xpLedger)
    .select(
      sql`select nextval(pg_get_serial_sequence('xp_ledger', 'id')), r.user_id, r.team_id,
          r.area_id, r.quest_id, r.evidence_id, r.amount, r.urgent_optimism, r.social_fabric,
          r.blissful_productivity, r.epic_meaning, r.reason, now()
        from jsonb_to_recordset(${recordset}::jsonb) as r(
          user_id uuid, team_id uuid, area_id uuid, quest_id uuid, evidence_id uuid,
          amount int, urgent_optimism int, social_fabric int, blissful_productivity int,
          epic_meaning int, reason text)`,
    )
    .onConflictDoNothing()
    .returning();
}

export async function ledgerForEvidence(db: DbOrTx, evidenceId: string): Promise<LedgerRow[]> {
  return db.select().from(xpLedger).where(eq(xpLedger.evidenceId, evidenceId));
}
