/**
 * Reporting queries for leaderboards: display names for board rows and area time zones for
 * weekly boards (the ledger side lives in outbox.ts). Read-only; the ledger is owned by
 * progress, areas by areas.
 */
import type { CalendarWeek } from '@govcraft/shared';
import { sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { areas, teams, users } from '../../db/schema';
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
