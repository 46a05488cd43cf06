/**
 * The two ways a repository asks for one row: the first row of a query, and an insert that
 * gives way when a unique key is already taken.
 */
import type { IndexColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/** The first row a query returns, or null when it returns none. */
export async function firstRow<T>(query: PromiseLike<T[]>): Promise<T | null> {
  const rows = await query;
  return rows[0] ?? null;
}

/**
 * Inserts one row and returns it; null when a unique key is taken: `target` when given,
 * otherwise any of the table's.
 */
export function insertUnlessTaken<T extends PgTable>(
  db: DbOrTx,
  table: T,
  values: T['$inferInsert'],
  target?: IndexColumn,
): Promise<T['$inferSelect'] | null> {
  const inserted = db
    .insert(table)
    .values(values)
    .onConflictDoNothing(target ? { target } : {})
    .returning();
  return firstRow(inserted);
}
