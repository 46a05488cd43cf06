/**
 * Real server processes for the operator tests: `tsx server/src/main.ts` and the admin
 * commands, spawned from the repository root with their own DATA_DIR and a free port, as
 * an operator runs them. Nothing is started in the test process itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, readdir, readlink, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@govcraft/server/redis/private-redis';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** The environment every spawned process starts from: no inherited GovCraft settings. */
function baseEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR', 'LANG'].flatMap((k) =>
      process.env[k] ? [[k, process.env[k]]] : [],
    ),
  );
  return {
    ...inherited,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SCRYPT_LOG_N: '14',
    RATE_LIMIT_MULTIPLIER: '1000',
    ...env,
  };
}

export async function tempDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gc-ops-'));
  return dir;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything written so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string>;
}

/** Pids this file started (tsx parents and the servers they run), for `killLeftovers`. */
const spawned = new Set<number>();

/** SIGKILLs every process started here that still runs (call in afterAll). */
export function killLeftovers(): void {
  for (const pid of spawned) {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  spawned.clear();
}

export function spawnScript(script: string, args: string[], env: Record<string, string>) {
  const child = spawn(TSX, [script, ...args], {
    cwd: REPO_ROOT,
    env: baseEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid) spawned.add(child.pid);
  let text = '';
  child.stdout!.on('data', (b: Buffer) => (text += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (text += b.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, output: () => text, exited } satisfies ServerProcess;
}

/** Waits until `pattern` appears in the output; fails with the output if it exits first. */
export async function waitForOutput(proc: ServerProcess, pattern: RegExp): Promise<string> {
  let done = false;
  const gone = proc.exited.then((code) => {
    if (!done) throw new Error(`exited (${code}) before ${pattern}:\n${proc.output()}`);
  });
  const seen = new Promise<string>((resolve) => {
    const check = () => {
      const match = pattern.exec(proc.output());
      if (match) {
        done = true;
        resolve(match[0]);
      } else setTimeout(check, 100);
    };
    check();
  });
  return Promise.race([seen, gone.then(() => '')]);
}

export interface RunningServer extends ServerProcess {
  url: string;
  /** The server's own pid (tsx runs it in a child process), from DATA_DIR/running.json. */
  pid: number;
  dataDir: string;
}

/** Starts `npm start`'s server on `dataDir` and waits until it answers. */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await freePort();
  const proc = spawnScript('server/src/main.ts', [], {
    DATA_DIR: dataDir,
    PORT: String(port),
    ...env,
  });
  await waitForOutput(proc, /GovCraft is running/);
  const running = JSON.parse(await readFile(path.join(dataDir, 'running.json'), 'utf8')) as {
    pid: number;
  };
  spawned.add(running.pid);
  return { ...proc, url: `http://127.0.0.1:${port}`, pid: running.pid, dataDir };
}

/** Runs an admin command to the end; answers its exit code and output. */
export async function runAdminCommand(
  name: 'grant' | 'setup' | 'rebuild' | 'backup' | 'restore',
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | string; output: string }> {
  const proc = spawnScript(`server/src/admin/cli/${name}.ts`, args, env);
  const code = await proc.exited;
  return { code, output: proc.output() };
}

/** Pids of the redis-servers working in DATA_DIR/redis (redis works in its --dir). */
export async function redisServersOf(dataDir: string): Promise<number[]> {
  const dir = await realpath(path.join(dataDir, 'redis')).catch(() => null);
  if (!dir) return [];
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() !== 'redis-server') continue;
    const state = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (state.slice(state.lastIndexOf(')') + 2).startsWith('Z')) continue;
    if ((await readlink(`/proc/${entry}/cwd`).catch(() => '')) === dir) found.push(Number(entry));
  }
  return found;
}

/** Stops whatever still runs in `dataDir` (a failed test's leftovers) and removes it. */
export async function removeDataDir(dataDir: string): Promise<void> {
  for (const pid of await redisServersOf(dataDir)) process.kill(pid, 'SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
}

/** Exists and is not a zombie (an orphan's exit is reaped whenever its new parent gets to it). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}
