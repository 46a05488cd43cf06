import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, 'migrations');

/** Triggers the schema cannot express (append-only XP ledger); idempotent. */
const guardsSql = () => readFileSync(path.resolve(import.meta.dirname, 'guards.sql'), 'utf8');

/** Any 64-bit constant; serialises migrations when several nodes start at once. */
const MIGRATION_LOCK_KEY = '7311204551';

export async function migratePglite(client: PGlite): Promise<void> {
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
  await client.exec(guardsSql());
}

/** Runs on one dedicated connection holding a session advisory lock. */
export async function migratePostgres(url: string): Promise<void> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
    await client.query(guardsSql());
  } finally {
    await client
      .query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    await client.end();
  }
}
