import { sql, type Column, type SQL } from 'drizzle-orm';

/** A PostgreSQL array literal, each element quoted so no value can break out of it. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * `column = any($1::uuid[])`: one parameter however many ids there are. Drizzle's `inArray`
 * sends one parameter per id, which costs more to build than the query costs to run once a
 * worker asks about a hundred rows at a time.
 */
export function inUuids(column: Column | SQL, ids: readonly string[]): SQL {
  return sql`${column} = any(${arrayLiteral(ids)}::uuid[])`;
}
