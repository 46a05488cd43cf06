/**
 * Degrade, do not fail: with Redis or PostgreSQL gone under load, the routes that need it
 * answer 503 with Retry-After (never 500), anonymous reads that need only the other one keep
 * working, and everything answers again once the dependency is back, without a restart.
 * Counts are bounded; nothing here depends on how long a step takes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startTestServer, TEST_PG_URL } from '../support/harness';
import { startRedisProcess } from '../support/redis-process';
import { prepareLoad, Tally, untilHealthy, type LoadRig } from './outage-load';

const ok = (status: number) => status >= 200 && status < 300;
/** 409: a resident's previous check-in is still pending, which is an answer, not a failure. */
const answered = (status: number) => ok(status) || status === 409;

/** Rounds until `enough` 503s were counted or `maxRounds` ran, whichever comes first. */
async function runUntil503s(rig: LoadRig, tally: Tally, enough: number, maxRounds: number) {
  for (let i = 0; i < maxRounds && tally.count((s) => s === 503) < enough; i++)
    await rig.round(tally);
}

async function rounds(rig: LoadRig, tally: Tally, n: number) {
  for (let i = 0; i < n; i++) await rig.round(tally);
}

function report(name: string, phases: Record<string, Tally>) {
  const lines = Object.entries(phases).map(
    ([phase, t]) =>
      `  ${phase}: ${JSON.stringify(t.byKind)} missingRetryAfter=${t.missingRetryAfter}`,
  );
  console.warn(`${name} status counts\n${lines.join('\n')}`);
}

describe('dependency outages under load', () => {
  it('answers 503 with Retry-After, never 500, while Redis is stopped, and recovers when it restarts', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gc-outage-redis-'));
    const redis = await startRedisProcess(path.join(dataDir, 'redis'));
    const server = await startTestServer({ env: { REDIS_URL: redis.url }, shutdownGraceMs: 500 });
    try {
      const rig = await prepareLoad(server);
      const before = new Tally();
      await rounds(rig, before, 2);

      const outage = new Tally();
      // One round is already under way as Redis goes.
      await Promise.all([rig.round(outage), redis.stop()]);
      await runUntil503s(rig, outage, 6, 20);

      await redis.restart();
      await untilHealthy(server);
      const after = new Tally();
      await rounds(rig, after, 3);
      report('Redis outage', { before, outage, after });

      expect(before.count(answered)).toBe(before.total);
      expect(outage.count((s) => s >= 500 && s !== 503)).toBe(0);
      expect(outage.count((s) => s === 0)).toBe(0);
      expect(outage.count((s) => s === 503)).toBeGreaterThanOrEqual(6);
      expect(outage.missingRetryAfter).toBe(0);
      // Anonymous reads need PostgreSQL only: they keep working without Redis.
      expect(outage.count((s) => s !== 200, ['public'])).toBe(0);
      // Signed-in residents' sessions are in Redis: public reads serve them as visitors.
      expect(outage.count((s) => s !== 200, ['signedInPublic'])).toBe(0);
      expect(outage.count(() => true, ['signedInPublic'])).toBeGreaterThan(0);
      expect(after.count(answered)).toBe(after.total);
      expect(after.count(ok, ['login'])).toBe(after.count(() => true, ['login']));
    } finally {
      await server.close();
      await redis.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('answers 503 with Retry-After, never 500, while PostgreSQL drops and refuses connections, and recovers', async () => {
    const server = await startTestServer({ shutdownGraceMs: 500 });
    const database = new URL(server.databaseUrl!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    const terminate = () =>
      admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [database],
      );
    try {
      const rig = await prepareLoad(server);
      const before = new Tally();
      await rounds(rig, before, 2);

      // First the server's connections are cut under load, then new ones are refused.
      const cut = new Tally();
      for (let i = 0; i < 3; i++) await Promise.all([rig.round(cut), terminate()]);
      const outage = new Tally();
      await admin.query(`alter database ${database} allow_connections false`);
      await Promise.all([rig.round(outage), terminate()]);
      await runUntil503s(rig, outage, 6, 20);

      await admin.query(`alter database ${database} allow_connections true`);
      await untilHealthy(server);
      const after = new Tally();
      await rounds(rig, after, 3);
      report('PostgreSQL outage', { before, cut, outage, after });

      expect(before.count(answered)).toBe(before.total);
      for (const phase of [cut, outage]) {
        expect(phase.count((s) => s >= 500 && s !== 503)).toBe(0);
        expect(phase.count((s) => s === 0)).toBe(0);
        expect(phase.missingRetryAfter).toBe(0);
      }
      expect(outage.count((s) => s === 503)).toBeGreaterThanOrEqual(6);
      expect(after.count(answered)).toBe(after.total);
    } finally {
      await admin.query(`alter database ${database} allow_connections true`).catch(() => undefined);
      await admin.end();
      await server.close();
    }
  }, 180_000);
});
