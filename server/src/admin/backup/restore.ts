/**
 * Brings a backup archive back into an empty data directory (and, for PostgreSQL, an empty
 * database). It never merges: restoring over live data would mix two histories.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { MANIFEST, ZBackupManifest, countFiles, type BackupManifest } from './archive';
import { runTool } from './tools';

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

/** Files a data directory may already hold and still count as empty. */
const HARMLESS = new Set(['session-secret', 'govcraft.lock', 'running.json']);

/** Refuses a data directory that holds anything but the files a first start writes. */
export async function assertEmptyDataDir(dataDir: string): Promise<void> {
  if (!existsSync(dataDir)) return;
  const found = (await readdir(dataDir)).filter((name) => !HARMLESS.has(name));
  if (found.length > 0) {
    throw new RestoreRefusedError(
      `${dataDir} is not empty (${found.slice(0, 5).join(', ')}${found.length > 5 ? ', …' : ''}); restore only into an empty data directory: move this one aside or set DATA_DIR to a new folder`,
    );
  }
}

/** Refuses a PostgreSQL database that already has tables of its own. */
async function assertEmptyPostgres(databaseUrl: string): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      `select count(*) as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`,
    );
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new RestoreRefusedError(
        'the database in DATABASE_URL already has tables; restore only into an empty database (create a new one and point DATABASE_URL at it)',
      );
    }
  } finally {
    await client.end();
  }
}

async function loadPglite(dump: Buffer, pgDir: string): Promise<void> {
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(pgDir, { loadDataDir: new Blob([dump]) });
  await client.query('select 1');
  await client.close();
}

export interface RestoreTarget {
  dataDir: string;
  /** Set when the installation runs on PostgreSQL. */
  databaseUrl?: string | undefined;
}

export async function restoreBackup(
  archive: string,
  target: RestoreTarget,
): Promise<BackupManifest & { restoredUploads: number }> {
  const { dataDir, databaseUrl } = target;
  await assertEmptyDataDir(dataDir);
  if (databaseUrl) await assertEmptyPostgres(databaseUrl);
  await mkdir(dataDir, { recursive: true });
  // Extracted inside DATA_DIR, so the photos move into place by rename.
  const stage = await mkdtemp(path.join(dataDir, '.restore-'));
  try {
    await tar.x({ file: archive, cwd: stage, strict: true });
    const manifest = ZBackupManifest.parse(
      JSON.parse(await readFile(path.join(stage, MANIFEST), 'utf8')),
    );
    if (manifest.database === 'pglite') {
      if (databaseUrl) {
        throw new RestoreRefusedError(
          'this backup is of the embedded database; unset DATABASE_URL to restore it into DATA_DIR',
        );
      }
      await loadPglite(
        await readFile(path.join(stage, manifest.databaseFile)),
        path.join(dataDir, 'pg'),
      );
    } else {
      if (!databaseUrl) {
        throw new RestoreRefusedError(
          'this backup is of a PostgreSQL database; set DATABASE_URL to the empty database to restore it into',
        );
      }
      await runTool('psql', [
        '--no-psqlrc',
        '--quiet',
        '--single-transaction',
        '--set',
        'ON_ERROR_STOP=1',
        '--file',
        path.join(stage, manifest.databaseFile),
        '--dbname',
        databaseUrl,
      ]);
    }
    const uploads = path.join(stage, 'uploads');
    const restoredUploads = await countFiles(uploads);
    if (existsSync(uploads)) await rename(uploads, path.join(dataDir, 'uploads'));
    return { ...manifest, restoredUploads };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}
