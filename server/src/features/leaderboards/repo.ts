/**
 * Reporting queries for leaderboards: display names for board rows, and the ledger totals
 * a rebuild recomputes every board from. Read-only; the ledger is owned by progress.
 */
import { and, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { teams, users, xpLedger } from '../../db/schema';

export async function userNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function teamNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(inArray(teams.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface LedgerTotal {
  areaId: string;
  memberId: string;
  xp: number;
  /** Last award: the moment the member reached this total (the tie-break). */
  reachedAt: Date;
  /** Monday 00:00 UTC of the week, for weekly totals; null for all-time. */
  week: Date | null;
}

const weekOf = sql<Date>`(date_trunc('week', ${xpLedger.createdAt} at time zone 'UTC') at time zone 'UTC')`;

/** Per-user totals per area, all-time or per ISO week (UTC). */
export async function userTotals(db: DbOrTx, weekly: boolean): Promise<LedgerTotal[]> {
  const rows = await db
    .select({
      areaId: xpLedger.areaId,
      memberId: xpLedger.userId,
      xp: sql<number>`sum(${xpLedger.amount})::int`,
      reachedAt: sql<Date>`max(${xpLedger.createdAt})`,
      week: weekly ? weekOf : sql<null>`null`,
    })
    .from(xpLedger)
    .groupBy(xpLedger.areaId, xpLedger.userId, ...(weekly ? [weekOf] : []));
  return rows.map(normalise);
}

/** Per-team totals for teams that still exist (a deleted team leaves the boards). */
export async function teamTotals(db: DbOrTx, weekly: boolean): Promise<LedgerTotal[]> {
  const rows = await db
    .select({
      areaId: xpLedger.areaId,
      memberId: sql<string>`${xpLedger.teamId}`,
      xp: sql<number>`sum(${xpLedger.amount})::int`,
      reachedAt: sql<Date>`max(${xpLedger.createdAt})`,
      week: weekly ? weekOf : sql<null>`null`,
    })
    .from(xpLedger)
    .where(
      and(
        isNotNull(xpLedger.teamId),
        sql`exists (select 1 from ${teams} where ${teams.id} = ${xpLedger.teamId})`,
      ),
    )
    .groupBy(xpLedger.areaId, xpLedger.teamId, ...(weekly ? [weekOf] : []));
  return rows.map(normalise);
}

// Raw sql columns arrive as strings from node-postgres and as Dates from PGlite.
function normalise(r: {
  areaId: string;
  memberId: string;
  xp: number;
  reachedAt: Date | string;
  week: Date | string | null;
}): LedgerTotal {
  return {
    areaId: r.areaId,
    memberId: r.memberId,
    xp: Number(r.xp),
    reachedAt: new Date(r.reachedAt),
    week: r.week === null ? null : new Date(r.week),
  };
}
