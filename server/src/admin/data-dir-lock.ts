/**
 * One process per embedded data directory. The embedded database (PGlite) and the private
 * redis-server each belong to exactly one process; a second writer corrupts them or loses
 * its writes. Whoever opens DATA_DIR (the server, or an admin command while no server runs)
 * holds this lock, and records who it is in `running.json` so the next one can say who.
 *
 * The lock is proper-lockfile's (an atomic mkdir, refreshed while held). A holder killed
 * outright cannot remove it, so a lock whose recorded process is gone on this host is
 * taken over at once instead of waiting for it to go stale.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { isProcessAlive } from './processes';

export interface DataDirOwner {
  pid: number;
  host: string;
  /** `server`, or the admin command holding the data directory. */
  command: string;
  /** Where the server answers (its own address, not PUBLIC_URL); null for commands. */
  localUrl: string | null;
  publicUrl: string | null;
  startedAt: string;
}

export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner | null,
  ) {
    super(describeOwner(dataDir, owner));
  }
}

function describeOwner(dataDir: string, owner: DataDirOwner | null): string {
  if (!owner) return `the data directory ${dataDir} is in use by another process`;
  const where = owner.localUrl ? `, ${owner.localUrl}` : '';
  const what = owner.command === 'server' ? 'GovCraft is already running' : owner.command;
  return `${what} on ${dataDir} (pid ${owner.pid}${where}${owner.host === os.hostname() ? '' : ` on ${owner.host}`}); stop it first, or use another DATA_DIR`;
}

export interface DataDirLock {
  owner: DataDirOwner;
  /** Records where the server listens once it does. */
  record(update: Partial<Pick<DataDirOwner, 'localUrl' | 'publicUrl'>>): void;
  release(): Promise<void>;
}

const lockPath = (dataDir: string) => path.join(dataDir, 'govcraft.lock');
const ownerPath = (dataDir: string) => path.join(dataDir, 'running.json');

/** Who holds DATA_DIR, as they recorded it; null when nobody recorded anything. */
export function readDataDirOwner(dataDir: string): DataDirOwner | null {
  try {
    return JSON.parse(readFileSync(ownerPath(dataDir), 'utf8')) as DataDirOwner;
  } catch {
    return null;
  }
}

/** The live holder of DATA_DIR on this host, or null when nobody (alive) holds it. */
export async function liveDataDirOwner(dataDir: string): Promise<DataDirOwner | null> {
  const locked = await lockfile
    .check(dataDir, { lockfilePath: lockPath(dataDir), realpath: false, stale: STALE_MS })
    .catch(() => false);
  if (!locked) return null;
  const owner = readDataDirOwner(dataDir);
  if (owner && owner.host === os.hostname() && !isProcessAlive(owner.pid)) return null;
  return owner;
}

// Long enough that a busy event loop (a large migration in PGlite) never looks dead;
// a dead holder is found by its pid instead.
const STALE_MS = 60_000;

const acquire = (dataDir: string, onLost: (err: Error) => void) =>
  lockfile.lock(dataDir, {
    lockfilePath: lockPath(dataDir),
    realpath: false,
    stale: STALE_MS,
    update: 10_000,
    onCompromised: onLost,
  });

/** Removes the lock when its recorded holder has died on this host; throws when it lives. */
async function takeOverFromTheDead(dataDir: string): Promise<void> {
  // A lock made a moment ago may belong to a process that has not recorded itself yet;
  // the record follows the lock within microseconds, so a short wait tells the two apart.
  const age = Date.now() - (statSync(lockPath(dataDir), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  if (age < FRESH_LOCK_MS) await new Promise((r) => setTimeout(r, FRESH_LOCK_MS - age));
  const holder = readDataDirOwner(dataDir);
  const deadHere = holder && holder.host === os.hostname() && !isProcessAlive(holder.pid);
  if (!deadHere) throw new DataDirInUseError(dataDir, holder);
  rmSync(lockPath(dataDir), { recursive: true, force: true });
}

const FRESH_LOCK_MS = 1_500;

/** Takes DATA_DIR for `command`, or throws DataDirInUseError naming whoever has it. */
export async function lockDataDir(
  dataDir: string,
  command: string,
  onLost: (err: Error) => void = () => undefined,
): Promise<DataDirLock> {
  mkdirSync(dataDir, { recursive: true });
  const release = await acquire(dataDir, onLost).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ELOCKED') throw err;
    await takeOverFromTheDead(dataDir);
    return acquire(dataDir, onLost).catch((again: NodeJS.ErrnoException) => {
      if (again.code === 'ELOCKED') throw new DataDirInUseError(dataDir, readDataDirOwner(dataDir));
      throw again;
    });
  });
  const owner: DataDirOwner = {
    pid: process.pid,
    host: os.hostname(),
    command,
    localUrl: null,
    publicUrl: null,
    startedAt: new Date().toISOString(),
  };
  const write = () => writeFileSync(ownerPath(dataDir), `${JSON.stringify(owner, null, 2)}\n`);
  write();
  let released = false;
  return {
    owner,
    record(update) {
      Object.assign(owner, update);
      write();
    },
    async release() {
      if (released) return;
      released = true;
      rmSync(ownerPath(dataDir), { force: true });
      await release().catch(() => undefined);
    },
  };
}
