/**
 * The production image runs compiled JavaScript with plain `node`, not TypeScript through
 * tsx. This starts `server/dist/main.js` exactly as the image does (the same condition that
 * points @govcraft/shared at its compiled files), on a fresh DATA_DIR with the embedded
 * database, and waits for readiness: a missing `.js` in an import, a migration or seed file
 * left out of the build, or a workspace import that still points at TypeScript all stop it.
 *
 * A build newer than every source is reused; otherwise the server is built without its
 * type check (`npm run typecheck` does that). Building takes longer than a test in
 * `npm test` should, so this runs in `npm run test:soak`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_REDIS_URL, deleteRedisPrefix, uniqueSuffix } from '../support/harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = path.join(ROOT, 'server/dist/main.js');
const BUILD_INFO = path.join(ROOT, 'server/dist/build-info.json');
const SOURCES = [
  'shared/src',
  'server/src',
  'shared/package.json',
  'shared/tsconfig.build.json',
  'server/tsconfig.build.json',
  'scripts/build-server.mjs',
];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), 0);
}

function buildIfStale(): void {
  const builtAt = existsSync(BUILD_INFO) ? statSync(BUILD_INFO).mtimeMs : 0;
  const newest = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))));
  if (builtAt > newest) return;
  const result = spawnSync(process.execPath, ['scripts/build-server.mjs', '--no-typecheck'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Resolves with the first line of output matching `pattern`, or rejects when it exits. */
function waitForOutput(child: ChildProcess, pattern: RegExp, output: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output.push(text);
      const hit = pattern.exec(output.join(''));
      if (hit) resolve(hit[1] ?? hit[0]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
    child.once('exit', (code) =>
      reject(new Error(`compiled server exited with ${code}:\n${output.join('')}`)),
    );
  });
}

describe('the compiled server', () => {
  let dataDir = '';
  let child: ChildProcess | undefined;
  let url = '';
  const prefix = `gcc${uniqueSuffix()}`;
  const output: string[] = [];

  beforeAll(async () => {
    buildIfStale();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'govcraft-compiled-'));
    // Started from another directory with only what an operator sets.
    child = spawn(process.execPath, ['--conditions=govcraft-compiled', MAIN], {
      cwd: os.tmpdir(),
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: '0',
        REDIS_URL: TEST_REDIS_URL,
        REDIS_PREFIX: prefix,
        SCRYPT_LOG_N: '14',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    url = await waitForOutput(child, /running: (http:\/\/[\w.]+:\d+)/, output);
  }, 240_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
    await deleteRedisPrefix(TEST_REDIS_URL, prefix);
  });

  it('runs with node alone: no TypeScript is loaded', () => {
    const dist = path.join(ROOT, 'server/dist');
    expect(readdirSync(dist)).toContain('main.js');
    expect(existsSync(path.join(ROOT, 'shared/dist/index.js'))).toBe(true);
    expect(output.join('')).not.toMatch(/ERR_MODULE_NOT_FOUND|ERR_UNKNOWN_FILE_EXTENSION/);
  });

  it('answers ready, with its migrations applied and the demo area seeded', async () => {
    const ready = await fetch(`${url}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toMatchObject({ database: { status: 'up', kind: 'pglite' } });
    const areas = await fetch(`${url}/api/areas`);
    expect(areas.status).toBe(200);
    expect(JSON.stringify(await areas.json())).toMatch(/oakfield/i);
    expect(await readdir(path.join(dataDir, 'pg'))).not.toHaveLength(0);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
