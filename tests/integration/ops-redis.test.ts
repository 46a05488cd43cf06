/**
 * The private redis-server belongs to the data directory through a pid file: a server
 * killed outright leaves its redis-server behind, and the next start stops that one before
 * starting its own, so one redis-server (never two) writes DATA_DIR/redis; a clean stop
 * leaves none.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/harness';
import {
  isAlive,
  killLeftovers,
  redisServersOf,
  removeDataDir,
  startServer,
  tempDataDir,
} from './ops-helpers';

describe('the private redis-server across a crash', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    killLeftovers();
    for (const cleanup of cleanups) await cleanup();
  });

  it('leaves exactly one redis-server after SIGKILL and a restart, and none after a clean stop', async () => {
    const dataDir = await tempDataDir();
    const db = await createTestDatabase();
    cleanups.push(() => removeDataDir(dataDir), db.drop);
    // PostgreSQL keeps the starts quick; Redis is the data directory's own (no REDIS_URL).
    const env = { DATABASE_URL: db.url, SEED: 'false' };

    const first = await startServer(dataDir, env);
    const [firstRedis, ...extra] = await redisServersOf(dataDir);
    expect(extra).toEqual([]);
    expect(
      Number((await readFile(path.join(dataDir, 'redis', 'redis-server.pid'), 'utf8')).trim()),
    ).toBe(firstRedis);

    process.kill(first.pid, 'SIGKILL');
    await first.exited;
    // The crash leaves the old redis-server running: that is what the next start must handle.
    expect(await redisServersOf(dataDir)).toEqual([firstRedis]);

    const second = await startServer(dataDir, env);
    const after = await redisServersOf(dataDir);
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(firstRedis);
    expect(isAlive(firstRedis!)).toBe(false);
    expect(second.output()).toMatch(/stopped a redis-server left running by an earlier run/);
    expect((await fetch(`${second.url}/api/health/ready`)).status).toBe(200);

    process.kill(second.pid, 'SIGTERM');
    expect(await second.exited).toBe(0);
    expect(await redisServersOf(dataDir)).toEqual([]);
  }, 300_000);
});
