/**
 * `npm run backup [-- <file or folder>]`: writes one archive with the database and the
 * uploaded photos (default folder: backups/ at the repository root). Through the running
 * server when there is one; else from DATABASE_URL with pg_dump, or from the data
 * directory's embedded database under its lock.
 */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { chmod, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { adminContracts } from '@govcraft/shared';
import { loadConfig, repositoryRoot, resolveCommandPath } from '../../config';
import { backupFileName, writeBackup } from '../backup/archive';
import { uploadsDirOf } from '../backup/from-server';
import { runCommand, say } from './run';
import {
  callServer,
  commandTarget,
  describeTarget,
  CommandFailed,
  type CommandTarget,
} from './target';

/** A file as given, a file inside a folder given, or backups/<timestamped name>. */
function outputFile(given: string | undefined): string {
  if (!given) return path.join(repositoryRoot(), 'backups', backupFileName());
  const resolved = resolveCommandPath(given);
  const isFolder =
    given.endsWith('/') || (existsSync(resolved) && statSync(resolved).isDirectory());
  return isFolder ? path.join(resolved, backupFileName()) : resolved;
}

async function fromServer(target: Extract<CommandTarget, { mode: 'server' }>, file: string) {
  const res = await callServer(target, 'post', adminContracts.createBackup.path);
  if (!res.body) throw new CommandFailed('the server sent no archive');
  const partial = `${file}.partial`;
  await pipeline(
    Readable.fromWeb(res.body as ReadableStream),
    createWriteStream(partial, { mode: 0o600 }),
  );
  await chmod(partial, 0o600);
  await rename(partial, file);
  return JSON.parse(res.headers.get('x-backup-manifest') ?? '{}') as { uploads?: number };
}

async function dumpEmbedded(pgDir: string): Promise<Blob> {
  if (!existsSync(pgDir)) throw new CommandFailed(`there is no database in ${pgDir} to back up`);
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(pgDir);
  try {
    return await client.dumpDataDir('gzip');
  } finally {
    await client.close();
  }
}

runCommand('backup', async () => {
  const config = loadConfig();
  const file = outputFile(process.argv.slice(2).find((a) => !a.startsWith('--')));
  await mkdir(path.dirname(file), { recursive: true });
  const target = await commandTarget(config, 'backup', { redis: false });
  let uploads: number | undefined;
  try {
    if (target.mode === 'server') {
      uploads = (await fromServer(target, file)).uploads;
    } else {
      const source =
        target.mode === 'direct'
          ? { kind: 'postgres' as const, databaseUrl: config.DATABASE_URL ?? '' }
          : { kind: 'pglite' as const, dump: () => dumpEmbedded(path.join(config.DATA_DIR, 'pg')) };
      uploads = (await writeBackup(source, uploadsDirOf(config.DATA_DIR), file)).uploads;
    }
  } finally {
    if (target.mode === 'offline') await target.lock.release();
  }
  if (config.S3_URL) {
    say('photos are kept in the S3_URL bucket and are not in this archive: back the bucket up too');
  }
  const size = (statSync(file).size / 1024 / 1024).toFixed(1);
  say(
    `backup written ${describeTarget(target)}: ${file} (${size} MiB, ${uploads ?? '?'} uploaded files)`,
  );
});
