/**
 * Every write to the XP ledger: awards, compensating reversals and re-payments after an
 * upheld appeal. Each write also puts one outbox row per new ledger row in the same
 * transaction, which the leaderboard relay drains, so the boards can never miss a row
 * the ledger has. Inserts only: the ledger is append-only (db/guards.sql).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { ledgerOutbox, xpLedger } from '../../db/schema';
import { rowsOf } from './rows';

export type LedgerRow = typeof xpLedger.$inferSelect;
/** An award to write: a ledger row without the id, time and correction links. */
export type NewAward = Omit<
  Required<typeof xpLedger.$inferInsert>,
  'id' | 'createdAt' | 'reversesId' | 'repaysId' | 'actorId'
>;

/** One outbox row per ledger row written; the relay applies them to the boards. */
async function enqueueForBoards(db: DbOrTx, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(ledgerOutbox).values(rows.map((r) => ({ ledgerId: r.id })));
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
      team_amount: r.teamAmount,
    })),
  );
  // Drizzle inserts into every column in the table's order, so the select names them all.
  const written = await db
    .insert(xpLedger)
    .select(
      sql`select nextval(pg_get_serial_sequence('xp_ledger', 'id')), r.user_id, r.team_id,
          r.area_id, r.quest_id, r.evidence_id, r.amount, r.urgent_optimism, r.social_fabric,
          r.blissful_productivity, r.epic_meaning, r.reason, now(), r.team_amount,
          null::bigint, null::bigint, null::uuid
        from jsonb_to_recordset(${recordset}::jsonb) as r(
          user_id uuid, team_id uuid, area_id uuid, quest_id uuid, evidence_id uuid,
          amount int, urgent_optimism int, social_fabric int, blissful_productivity int,
          epic_meaning int, reason text, team_amount int)`,
    )
    .onConflictDoNothing()
    .returning();
  await enqueueForBoards(db, written);
  return written;
}

/** A ledger row that is still in force: not itself a reversal, and not reversed yet. */
const inForce = sql`l.reverses_id is null
  and not exists (select 1 from xp_ledger r where r.reverses_id = l.id)`;

/**
 * Takes back every row in force that this evidence paid (awards and re-payments), one
 * compensating row each: negative amount and parts, pointing at the row it reverses. The
 * unique index on `reverses_id` makes a second reversal of the same row impossible, so a
 * repeated rejection writes nothing. Returns the new rows.
 */
export async function insertReversals(
  db: DbOrTx,
  evidenceId: string,
  reason: string,
  actorId: string,
): Promise<LedgerRow[]> {
  const result = await db.execute(sql`
    insert into xp_ledger (user_id, team_id, area_id, quest_id, evidence_id, amount,
      urgent_optimism, social_fabric, blissful_productivity, epic_meaning, reason,
      team_amount, reverses_id, actor_id)
    select l.user_id, l.team_id, l.area_id, l.quest_id, l.evidence_id, -l.amount,
      -l.urgent_optimism, -l.social_fabric, -l.blissful_productivity, -l.epic_meaning,
      ${reason}, -coalesce(l.team_amount, l.amount), l.id, ${actorId}::uuid
    from xp_ledger l
    where l.evidence_id = ${evidenceId}::uuid and ${inForce}
    order by l.id
    on conflict do nothing
    returning *`);
  const written = rowsOf(result);
  await enqueueForBoards(db, written);
  return written;
}

/**
 * Pays again, once, every award of this evidence that was reversed: a new row with the
 * award's amounts, pointing at the award it re-pays (unique, so an award is re-paid at
 * most once). Returns the new rows.
 */
export async function insertRepayments(
  db: DbOrTx,
  evidenceId: string,
  reason: string,
  actorId: string,
): Promise<LedgerRow[]> {
  const result = await db.execute(sql`
    insert into xp_ledger (user_id, team_id, area_id, quest_id, evidence_id, amount,
      urgent_optimism, social_fabric, blissful_productivity, epic_meaning, reason,
      team_amount, repays_id, actor_id)
    select l.user_id, l.team_id, l.area_id, l.quest_id, l.evidence_id, l.amount,
      l.urgent_optimism, l.social_fabric, l.blissful_productivity, l.epic_meaning,
      ${reason}, l.team_amount, l.id, ${actorId}::uuid
    from xp_ledger l
    where l.evidence_id = ${evidenceId}::uuid and l.reverses_id is null and l.repays_id is null
      and exists (select 1 from xp_ledger r where r.reverses_id = l.id)
    order by l.id
    on conflict do nothing
    returning *`);
  const written = rowsOf(result);
  await enqueueForBoards(db, written);
  return written;
}
