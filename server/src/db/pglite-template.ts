/**
 * A fresh PGlite database costs initdb plus every migration: seconds of CPU and most of the
 * first start's memory peak. The result is the same for every fresh database of one schema,
 * so it is kept once as a gzipped data directory (PGlite's own `dumpDataDir`) and unpacked
 * into the next fresh database instead. The key covers the PGlite build, every migration and
 * `guards.sql`, so a changed schema never loads an old template.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_DIR } from './migrate';

/** Beside the installed packages, like other tools' caches; absent or read-only: no template. */
const CACHE_DIR = path.resolve(import.meta.dirname, '../../../node_modules/.cache/govcraft');

function pgliteVersion(): string {
  const entry = new URL(import.meta.resolve('@electric-sql/pglite')).pathname;
  const manifest = path.resolve(path.dirname(entry), '../package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

function templateFile(): string {
  const hash = createHash('sha256').update(pgliteVersion());
  for (const name of readdirSync(MIGRATIONS_DIR)
    .filter((n) => n.endsWith('.sql'))
    .sort()) {
    hash.update(name).update(readFileSync(path.join(MIGRATIONS_DIR, name)));
  }
  hash.update(readFileSync(path.resolve(import.meta.dirname, 'guards.sql')));
  return path.join(CACHE_DIR, `pglite-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

/** True when `dir` holds no database yet (`memory://` always starts empty). */
export function isFreshPgliteDir(dir: string): boolean {
  return dir.startsWith('memory://') || !existsSync(path.join(dir, 'PG_VERSION'));
}

/** The migrated template for this schema, or null when none was taken yet (or unreadable). */
export function readPgliteTemplate(): Blob | null {
  try {
    const file = templateFile();
    return existsSync(file) ? new Blob([readFileSync(file)]) : null;
  } catch {
    return null;
  }
}

/** Keeps a freshly migrated database as the template; a failure only costs the next start. */
export async function savePgliteTemplate(client: PGlite): Promise<void> {
  try {
    const file = templateFile();
    const bytes = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed: several processes may take the same template at once.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } catch {
    // Read-only install or no space: starts stay correct, only slower.
  }
}
