/** A backup made by the running server itself, which alone may read its embedded database. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Response } from 'express';
import type { Infra } from '../../context';
import { AppError } from '../../lib/errors';
import { backupFileName, writeBackup, type DatabaseSource } from './archive';

/** Where photos live on this node's disk (the default storage). */
export const uploadsDirOf = (dataDir: string) => path.join(dataDir, 'uploads');

export function databaseSourceOf(infra: Pick<Infra, 'database' | 'config'>): DatabaseSource {
  const { database, config } = infra;
  if (database.kind === 'pglite') {
    const dump = database.dumpDataDir?.bind(database);
    if (!dump) throw new AppError('internal', 'this database cannot be dumped');
    return { kind: 'pglite', dump };
  }
  return { kind: 'postgres', databaseUrl: config.DATABASE_URL ?? '' };
}

/** Writes the archive to a temporary file, sends it, then deletes it. */
export async function sendBackup(infra: Pick<Infra, 'database' | 'config'>, res: Response) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govcraft-send-'));
  const name = backupFileName();
  const file = path.join(dir, name);
  try {
    const manifest = await writeBackup(
      databaseSourceOf(infra),
      uploadsDirOf(infra.config.DATA_DIR),
      file,
    );
    res.setHeader('X-Backup-Manifest', JSON.stringify(manifest));
    await new Promise<void>((resolve, reject) => {
      res.download(file, name, { headers: { 'Cache-Control': 'no-store' } }, (err) =>
        err ? reject(err) : resolve(),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
