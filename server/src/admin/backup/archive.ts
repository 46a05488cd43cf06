/**
 * One backup archive (.tar.gz) holds everything that cannot be rebuilt: the database and
 * the uploaded photos. Redis is not in it: sessions start afresh, and the leaderboards are
 * rebuilt from the XP ledger.
 *
 *   govcraft-backup.json      what is inside (format, database kind, counts)
 *   database/pgdata.tar.gz    embedded database: PGlite's own dump of its data directory
 *   database/dump.sql         PostgreSQL: pg_dump's plain SQL
 *   uploads/…                 DATA_DIR/uploads as it is
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { z } from 'zod';
import { runTool } from './tools';

export const MANIFEST = 'govcraft-backup.json';

export const ZBackupManifest = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  database: z.enum(['pglite', 'postgres']),
  databaseFile: z.enum(['database/pgdata.tar.gz', 'database/dump.sql']),
  uploads: z.number().int().min(0),
});
export type BackupManifest = z.infer<typeof ZBackupManifest>;

export type DatabaseSource =
  { kind: 'pglite'; dump: () => Promise<Blob> } | { kind: 'postgres'; databaseUrl: string };

/** Counts the files under `dir` (0 when it does not exist). */
export async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

async function dumpDatabase(source: DatabaseSource, stage: string): Promise<string> {
  await mkdir(path.join(stage, 'database'));
  if (source.kind === 'pglite') {
    const file = 'database/pgdata.tar.gz';
    await writeFile(path.join(stage, file), Buffer.from(await (await source.dump()).arrayBuffer()));
    return file;
  }
  const file = 'database/dump.sql';
  await runTool('pg_dump', [
    '--format=plain',
    '--no-owner',
    '--no-privileges',
    '--file',
    path.join(stage, file),
    '--dbname',
    source.databaseUrl,
  ]);
  return file;
}

/** Writes the archive to `outFile` (mode 0600: it holds personal data) and answers its manifest. */
export async function writeBackup(
  source: DatabaseSource,
  uploadsDir: string | null,
  outFile: string,
): Promise<BackupManifest> {
  const stage = await mkdtemp(path.join(os.tmpdir(), 'govcraft-backup-'));
  try {
    const databaseFile = await dumpDatabase(source, stage);
    const entries = [MANIFEST, 'database'];
    let uploads = 0;
    if (uploadsDir && existsSync(uploadsDir)) {
      // Packed through a link (tar follows it), so photos are not copied to a staging area.
      await symlink(path.resolve(uploadsDir), path.join(stage, 'uploads'));
      uploads = await countFiles(uploadsDir);
      entries.push('uploads');
    }
    const manifest = ZBackupManifest.parse({
      format: 1,
      createdAt: new Date().toISOString(),
      database: source.kind,
      databaseFile,
      uploads,
    });
    await writeFile(path.join(stage, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(path.dirname(path.resolve(outFile)), { recursive: true });
    const partial = `${outFile}.partial`;
    await tar.c({ gzip: true, file: partial, cwd: stage, follow: true, portable: true }, entries);
    await chmod(partial, 0o600);
    await rename(partial, outFile);
    return manifest;
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

/** A file name that sorts by time: govcraft-backup-2026-12-02T16-30-00Z.tar.gz. */
export function backupFileName(at = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `govcraft-backup-${stamp}.tar.gz`;
}
