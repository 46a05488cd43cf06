/**
 * The XP ledger. Append-only by design: this file has inserts and reads, no update or
 * delete, and a database trigger (db/guards.sql) refuses both anyway.
 */
import type { ZonedInstant } from '@govcraft/shared';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { inUuids } from '../../db/sql';
import { areas, xpLedger } from '../../db/schema';
import { sumsBySuperpower } from '../../lib/superpower-columns';
import { rawRows } from './rows';

export type { LedgerRow, NewAward } from './ledger-writes';
export { insertAwards, insertRepayments, insertReversals } from './ledger-writes';

/** A row still in force: an award or re-payment that no later row reversed. */
const inForce = sql.raw(`"xp_ledger"."reverses_id" is null and not exists (
  select 1 from xp_ledger rv where rv.reverses_id = "xp_ledger"."id")`);

const totalsColumns = {
  amount: sql<number>`coalesce(sum(${xpLedger.amount}), 0)::int`,
  ...sumsBySuperpower(),
  quests: sql<number>`(count(distinct ${xpLedger.questId}) filter (where ${inForce}))::int`,
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

/** When each of a person's awards still in force was made, with the time zone of its area (for streaks). */
export async function awardTimesForUser(db: DbOrTx, userId: string): Promise<ZonedInstant[]> {
  return db
    .select({ at: xpLedger.createdAt, timeZone: areas.timezone })
    .from(xpLedger)
    .innerJoin(areas, eq(areas.id, xpLedger.areaId))
    .where(and(eq(xpLedger.userId, userId), inForce));
}

export async function ledgerForEvidence(db: DbOrTx, evidenceId: string) {
  return db.select().from(xpLedger).where(eq(xpLedger.evidenceId, evidenceId));
}

export interface ReversalRecord {
  evidenceId: string;
  questId: string;
  questTitle: string | null;
  amount: number;
  reason: string;
  at: Date;
  /** The person's total just before this row. */
  xpBefore: number;
  repaid: boolean;
  appealStatus: string | null;
}

/** A person's latest reversals, newest first, with what they need to be explained. */
export async function recentReversalsForUser(
  db: DbOrTx,
  userId: string,
  limit: number,
): Promise<ReversalRecord[]> {
  const result = await db.execute(sql`
    select r.evidence_id, r.quest_id, q.title as quest_title, r.amount, r.reason, r.created_at,
      (select coalesce(sum(p.amount), 0) from xp_ledger p
        where p.user_id = r.user_id and p.id < r.id)::int as xp_before,
      exists (select 1 from xp_ledger rp where rp.repays_id = r.reverses_id) as repaid,
      a.status as appeal_status
    from xp_ledger r
    left join quests q on q.id = r.quest_id
    left join evidence_appeals a on a.evidence_id = r.evidence_id
    where r.user_id = ${userId}::uuid and r.reverses_id is not null
    order by r.id desc
    limit ${limit}`);
  return rawRows(result).map((r) => ({
    evidenceId: String(r.evidence_id),
    questId: String(r.quest_id),
    questTitle: r.quest_title === null ? null : String(r.quest_title),
    amount: Number(r.amount),
    reason: String(r.reason),
    at: new Date(r.created_at as string),
    xpBefore: Number(r.xp_before),
    repaid: Boolean(r.repaid),
    appealStatus: r.appeal_status === null ? null : String(r.appeal_status),
  }));
}
