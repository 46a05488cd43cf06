/**
 * Opens the system of record: embedded PGlite in DATA_DIR/pg when DATABASE_URL is unset,
 * node-postgres otherwise. Both give the same Drizzle API, so repositories do not care.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { migratePglite, migratePostgres } from './migrate';
import { isFreshPgliteDir, readPgliteTemplate, savePgliteTemplate } from './pglite-template';

export type Schema = typeof schema;
/** The database handle repositories receive; a transaction has the same shape. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** A cheap round trip for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data directory as a gzipped tarball (backups; `admin/backup`). */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  pgliteDir?: string;
  /** Pool size for node-postgres. */
  poolSize?: number;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openPglite(options.pgliteDir ?? 'memory://');
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  await migratePostgres(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A broken idle connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Nor one that breaks while checked out between two queries of a transaction: the pool
  // only listens to idle clients. The next query on it rejects, and the pool drops it.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzle(pool, { schema }) as unknown as Db;
  return databaseOf('postgres', db, pool, () => pool.end());
}

async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (!dir.startsWith('memory://')) mkdirSync(path.dirname(dir), { recursive: true });
  const fresh = isFreshPgliteDir(dir);
  const template = fresh ? readPgliteTemplate() : null;
  const client = await PGlite.create(dir, template ? { loadDataDir: template } : {});
  if (!template) {
    await migratePglite(client);
    if (fresh) await savePgliteTemplate(client);
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    ...databaseOf('pglite', db, client, () => client.close()),
    dumpDataDir: () => client.dumpDataDir('gzip'),
  };
}

/** What both drivers give: their Drizzle database, a ping through the driver, and a close. */
function databaseOf(
  kind: Database['kind'],
  db: Db,
  driver: { query(sql: string): Promise<unknown> },
  close: () => Promise<void>,
): Database {
  return {
    db,
    kind,
    ping: async () => {
      await driver.query('select 1');
    },
    close,
  };
}
