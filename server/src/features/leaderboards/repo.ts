/**
 * Reporting queries for leaderboards: display names for board rows, area time zones for
 * weekly boards, and the ledger totals a rebuild recomputes every board from. Read-only;
 * the ledger is owned by progress, areas by areas.
 */
import type { CalendarWeek } from '@govcraft/shared';
import { and, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { areas, teams, users, xpLedger } from '../../db/schema';
import { inUuids } from '../../db/sql';

/**
 * One text column of a table by id: for the rows whose id is in `ids`, or for every row when
 * `ids` is left out. No query at all for an empty list.
 */
async function textById(
  db: DbOrTx,
  id: PgColumn,
  text: PgColumn,
  ids?: readonly string[],
): Promise<Map<string, string>> {
  if (ids?.length === 0) return new Map();
  const rows = await db
    .select({ id: sql<string>`${id}`, text: sql<string>`${text}` })
    .from(id.table)
    .where(ids ? inUuids(id, ids) : undefined);
  return new Map(rows.map((r) => [r.id, r.text]));
}

export const userNames = (db: DbOrTx, ids: readonly string[]) =>
  textById(db, users.id, users.displayName, ids);

export const teamNames = (db: DbOrTx, ids: readonly string[]) =>
  textById(db, teams.id, teams.name, ids);

/** The time zone of each area, by id; every area when `ids` is left out. */
export const areaTimeZones = (db: DbOrTx, ids?: readonly string[]) =>
  textById(db, areas.id, areas.timezone, ids);

/** One area's week that weekly totals are summed over. */
export interface AreaWeek {
  areaId: string;
  week: CalendarWeek;
}

export interface LedgerTotal {
  areaId: string;
  memberId: string;
  xp: number;
  /** Last award: the moment the member reached this total (the tie-break). */
  reachedAt: Date;
  /** The area's ISO week id, for weekly totals; null for all-time. */
  week: string | null;
}

/**
 * The weeks as a table `w(area_id, week, starts, ends)`: the calendar decides where each
 * area's weeks begin, so the query only compares stored instants. One JSON parameter binds
 * the same way on node-postgres and PGlite.
 */
function weeksTable(weeks: readonly AreaWeek[]): SQL {
  const recordset = JSON.stringify(
    weeks.map((w) => ({
      area_id: w.areaId,
      week: w.week.id,
      starts: w.week.start.toISOString(),
      ends: w.week.end.toISOString(),
    })),
  );
  return sql`jsonb_to_recordset(${recordset}::jsonb) as w(area_id uuid, week text, starts timestamptz, ends timestamptz)`;
}

const inWeek = sql`w.area_id = ${xpLedger.areaId} and ${xpLedger.createdAt} >= w.starts and ${xpLedger.createdAt} < w.ends`;

/** Totals per (area, member) all-time, or per (area, member, week) over the given weeks. */
async function ledgerTotals(
  db: DbOrTx,
  member: typeof xpLedger.userId | typeof xpLedger.teamId,
  weeks: readonly AreaWeek[] | null,
  where?: SQL,
): Promise<LedgerTotal[]> {
  const week = sql<string>`w.week`;
  const query = db
    .select({
      areaId: xpLedger.areaId,
      memberId: sql<string>`${member}`,
      xp: sql<number>`sum(${xpLedger.amount})::int`,
      reachedAt: sql<Date>`max(${xpLedger.createdAt})`,
      week: weeks ? week : sql<null>`null`,
    })
    .from(xpLedger)
    .$dynamic();
  if (weeks) query.innerJoin(weeksTable(weeks), inWeek);
  const rows = await query.where(where).groupBy(xpLedger.areaId, member, ...(weeks ? [week] : []));
  return rows.map(normalise);
}

/** Per-user totals per area, all-time or per area week. */
export const userTotals = (db: DbOrTx, weeks: readonly AreaWeek[] | null) =>
  ledgerTotals(db, xpLedger.userId, weeks);

/** Per-team totals for teams that still exist (a deleted team leaves the boards). */
export const teamTotals = (db: DbOrTx, weeks: readonly AreaWeek[] | null) =>
  ledgerTotals(
    db,
    xpLedger.teamId,
    weeks,
    and(
      isNotNull(xpLedger.teamId),
      sql`exists (select 1 from ${teams} where ${teams.id} = ${xpLedger.teamId})`,
    ),
  );

// Raw sql columns arrive as strings from node-postgres and as Dates from PGlite.
function normalise(r: {
  areaId: string;
  memberId: string;
  xp: number;
  reachedAt: Date | string;
  week: string | null;
}): LedgerTotal {
  return {
    areaId: r.areaId,
    memberId: r.memberId,
    xp: Number(r.xp),
    reachedAt: new Date(r.reachedAt),
    week: r.week,
  };
}
