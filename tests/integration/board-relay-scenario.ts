/**
 * The boards-equal-the-ledger scenarios, shared by the regular tests (N=200) and the soak
 * (N=1,000):
 *
 * - relay chaos: an API-only server on a private Redis; N awards are committed (ledger row
 *   and outbox row in one transaction) while the only relays are worker processes that
 *   are SIGKILLed several times, the Redis server is restarted once, and the API node's
 *   own relay sometimes runs at the same moment as the worker's (a doubled job).
 * - rebuild loop: one server rebuilds every board again and again while N awards flow.
 *
 * At the end every board must equal the ledger summed independently, and a drift check
 * must find nothing: no award missing, none applied twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Team } from '@govcraft/shared';
import { startTestServer, type TestServer } from '../support/harness';
import { startRedisProcess } from '../support/redis-process';
import { applyLedgerIncrements } from '@govcraft/server/features/leaderboards/apply';
import { pendingRows } from '@govcraft/server/features/leaderboards/outbox';
import { incrementsOf } from '@govcraft/server/features/leaderboards/relay';
import {
  allTimeBoards,
  allTimeBoardsFromLedger,
  writeAwards,
  type LedgerAward,
} from './ledger-helpers';

const WORKER_SCRIPT = path.join(import.meta.dirname, 'evidence-worker-process.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Worker {
  child: ChildProcess;
  exited: Promise<void>;
}

async function startWorker(server: TestServer, redisUrl: string): Promise<Worker> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT], {
    env: {
      ...process.env,
      DATABASE_URL: server.databaseUrl!,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: server.prefix,
      DATA_DIR: server.dataDir,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes('ready')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then(() => reject(new Error(`worker exited before ready: ${output.join('')}`)));
  });
  return { child, exited };
}

/** Residents and two teams of the demo area to pay. */
async function players(server: TestServer) {
  const areaId = await server.handle.services.areas.idOfSlug('oakfield');
  const people = await Promise.all([...Array(12).keys()].map(() => server.newResident()));
  const teams: string[] = [];
  for (const [captain, mate] of [people.slice(0, 2), people.slice(2, 4)]) {
    const team = await captain!.post<Team>('/api/areas/oakfield/teams', {
      name: `Relay crew ${people.indexOf(captain!)}-${Date.now()}`,
    });
    await mate!.post('/api/teams/join', { code: team.body.inviteCode });
    teams.push(team.body.id);
  }
  const teamOf = (i: number) => (i < 2 ? teams[0]! : i < 4 ? teams[1]! : null);
  /** The i-th award: varied people, amounts and team shares. */
  const award = (i: number): LedgerAward => {
    const who = i % people.length;
    const teamId = teamOf(who);
    return {
      areaId,
      userId: people[who]!.userId,
      amount: 5 + (i % 17),
      teamId,
      teamAmount: teamId && i % 3 === 0 ? 0 : 5 + (i % 17),
    };
  };
  return { award };
}

async function pendingOutbox(server: TestServer): Promise<number> {
  const result = await server.handle.infra.db.execute(
    sql`select count(*)::int as n from ledger_outbox where applied_at is null`,
  );
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
}

/** Every board equals the ledger, nothing waits in the outbox, and no drift is found. */
async function expectBoardsEqualLedger(server: TestServer, n: number): Promise<void> {
  const [{ rows }] = [
    (await server.handle.infra.db.execute(
      sql`select count(*)::int as rows from xp_ledger`,
    )) as unknown as {
      rows: { rows: number }[];
    },
  ];
  expect(rows[0]!.rows).toBe(n);
  expect(await pendingOutbox(server)).toBe(0);
  const ledger = await allTimeBoardsFromLedger(server);
  expect(await allTimeBoards(server.handle.infra.redis, server.prefix)).toEqual(ledger);
  expect((await server.handle.services.leaderboards.checkDrift()).drift).toBe(0);
}

export interface RelayChaosReport {
  n: number;
  kills: number;
  pendingAtKills: number[];
  /** Rows the last worker still had to relay when the writing stopped. */
  pendingAfterWrites: number;
  redisRestarts: number;
}

export async function runRelayChaos(options: {
  n: number;
  kills: number;
}): Promise<RelayChaosReport> {
  const redisDir = await mkdtemp(path.join(os.tmpdir(), 'govcraft-relay-redis-'));
  const redis = await startRedisProcess(redisDir);
  const server = await startTestServer({ env: { ROLE: 'api', REDIS_URL: redis.url } });
  let worker: Worker | null = null;
  try {
    const { award } = await players(server);
    const waves = options.kills + 1;
    const perWave = Math.ceil(options.n / waves);
    const pendingAtKills: number[] = [];
    let written = 0;
    for (let wave = 0; wave < waves; wave++) {
      worker = await startWorker(server, redis.url);
      const end = Math.min(options.n, written + perWave);
      const killAt = wave < options.kills ? written + Math.floor((perWave * 3) / 4) : Infinity;
      while (written < end) {
        const batch = Array.from({ length: Math.min(5, end - written) }, (_, k) =>
          award(written + k),
        );
        await writeAwards(server, batch);
        written += batch.length;
        await sleep(60);
        // A doubled relay: the API node drains at the same moment as the worker's sweep.
        if (written % 50 === 20) await server.handle.services.leaderboards.drainOutbox();
        if (wave === 1 && written === end - 10) {
          await redis.stop();
          await sleep(200);
          await redis.restart();
        }
        if (worker && written >= killAt) {
          // Killed while awards are still flowing; the rest of the wave waits for the next.
          pendingAtKills.push(await pendingOutbox(server));
          worker.child.kill('SIGKILL');
          await worker.exited;
          worker = null;
        }
      }
    }
    // The last worker's sweep drains what the killed ones left.
    const pendingAfterWrites = await pendingOutbox(server);
    for (let i = 0; i < 600 && (await pendingOutbox(server)) > 0; i++) await sleep(100);
    await expectBoardsEqualLedger(server, options.n);
    return {
      n: options.n,
      kills: options.kills,
      pendingAtKills,
      pendingAfterWrites,
      redisRestarts: 1,
    };
  } finally {
    if (worker) {
      worker.child.kill('SIGTERM');
      await worker.exited;
    }
    await server.close();
    await redis.stop();
    await rm(redisDir, { recursive: true, force: true });
  }
}

/**
 * A relay pass that died after its Lua call and before its commit: the rows are on the
 * boards but still waiting in the outbox. The next pass must only mark them.
 */
export async function runCrashAfterApply(): Promise<void> {
  const server = await startTestServer();
  try {
    const { award } = await players(server);
    const { leaderboards } = server.handle.services;
    await writeAwards(server, [0, 1, 2].map(award));
    await leaderboards.drainOutbox();
    await writeAwards(server, [3, 4, 5, 6].map(award));
    const { infra } = server.handle;
    await infra.db
      .transaction(async (tx) => {
        const rows = await pendingRows(tx, 100);
        const zones = new Map(rows.map((r) => [r.areaId, 'Europe/London']));
        const applied = await applyLedgerIncrements(
          infra.redis,
          infra.key,
          incrementsOf(rows, zones),
        );
        expect(applied).toMatchObject({ kind: 'applied', rows: 4 });
        throw new Error('the process died before its commit');
      })
      .catch(() => undefined);
    expect(await pendingOutbox(server)).toBe(4);
    await leaderboards.drainOutbox();
    await expectBoardsEqualLedger(server, 7);
  } finally {
    await server.close();
  }
}

/**
 * The drift check: a board row changed behind the ledger's back is found, reported on
 * /metrics and repaired; the next check finds nothing.
 */
export async function runDriftRepair(): Promise<{ drift: number; metrics: string }> {
  const token = 'a-metrics-token-for-drift';
  const server = await startTestServer({ env: { METRICS_TOKEN: token } });
  try {
    const { award } = await players(server);
    const { leaderboards } = server.handle.services;
    await writeAwards(server, [0, 1, 2, 3, 4].map(award));
    await leaderboards.drainOutbox();
    const { redis } = server.handle.infra;
    const [someBoard] = await redis.keys(`${server.prefix}:lb:*:users:all`);
    const [member] = await redis.zrange(someBoard!, 0, 0);
    await redis.zincrby(someBoard!, 2 ** 31 * 7, member!);
    await redis.zadd(someBoard!, 2 ** 31 * 3, 'a-member-the-ledger-never-paid');
    const found = await leaderboards.checkDrift();
    expect(found).toEqual({ drift: 2, repaired: true });
    const metrics = await server
      .client()
      .get<string>('/metrics', { authorization: `Bearer ${token}` });
    await expectBoardsEqualLedger(server, 5);
    return { drift: found.drift, metrics: String(metrics.body) };
  } finally {
    await server.close();
  }
}

/** Rebuilds run back to back while `n` awards are committed and relayed; none is lost. */
export async function runRebuildLoop(options: { n: number }): Promise<{ rebuilds: number }> {
  const server = await startTestServer();
  try {
    const { award } = await players(server);
    const { leaderboards } = server.handle.services;
    let flowing = true;
    let rebuilds = 0;
    const loop = (async () => {
      while (flowing) {
        await leaderboards.rebuild();
        rebuilds++;
      }
    })();
    for (let written = 0; written < options.n; written += 4) {
      await writeAwards(
        server,
        [0, 1, 2, 3].filter((k) => written + k < options.n).map((k) => award(written + k)),
      );
      void leaderboards.ledgerChanged();
    }
    flowing = false;
    await loop;
    await leaderboards.drainOutbox();
    await expectBoardsEqualLedger(server, options.n);
    return { rebuilds };
  } finally {
    await server.close();
  }
}
