/**
 * The exactly-once scenario, shared by the regular test (N=200) and the soak (N=1,000):
 * an API-only server takes N check-ins while a separate worker process verifies them; the
 * worker is SIGKILLed several times mid-run and restarted, and every evidence also gets a
 * duplicate job. At the end every evidence must be final and the ledger must hold exactly
 * one row per (evidence, user).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { expect } from 'vitest';
import type { Quest } from '@govcraft/shared';
import { DEMO, TEST_REDIS_URL, startTestServer, type TestServer } from '../support/harness';
import type { TestClient } from '../support/client';
import { checkinAt, createQuest, joinQuest, PARK, submitEvidence } from './evidence-fixtures';

const WORKER_SCRIPT = path.join(import.meta.dirname, 'evidence-worker-process.ts');
const RESIDENTS = 40;
/** Each quest's XP, so the ledger total tells how many were paid. */
const XP_PER_QUEST = 37;

export interface WorkerProcess {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

export async function startWorkerProcess(server: TestServer): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT], {
    env: {
      ...process.env,
      DATABASE_URL: server.databaseUrl!,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: server.prefix,
      DATA_DIR: server.dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes('ready')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    void exited.then((code) =>
      reject(new Error(`worker exited (${code}) before ready: ${output.join('')}`)),
    );
  });
  return { child, output, exited };
}

export async function killHard(worker: WorkerProcess): Promise<void> {
  worker.child.kill('SIGKILL');
  await worker.exited;
}

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

export interface ExactlyOnceReport {
  n: number;
  decidedAtKills: number[];
  statuses: Record<string, number>;
  ledgerRows: number;
  distinctPairs: number;
  maxRowsPerEvidence: number;
  completedParticipations: number;
  failedJobs: number;
  xpTotal: number;
}

export async function runExactlyOnce(options: {
  n: number;
  kills: number;
}): Promise<ExactlyOnceReport> {
  const server = await startTestServer({ env: { ROLE: 'api' } });
  const db = new pg.Client({ connectionString: server.databaseUrl! });
  await db.connect();
  let worker: WorkerProcess | null = null;
  try {
    // Residents × quests pairs: fewer accounts to register, every pair pays exactly once.
    const officer = await server.login(DEMO.officer);
    const questCount = Math.ceil(options.n / RESIDENTS);
    const quests: Quest[] = [];
    for (let i = 0; i < questCount; i++)
      quests.push(await createQuest(officer, { xp: XP_PER_QUEST }));
    const residents: TestClient[] = [];
    await inBatches([...Array(Math.ceil(options.n / questCount)).keys()], 10, async () => {
      residents.push(await server.newResident());
    });
    const pairs = residents
      .flatMap((resident) => quests.map((quest) => ({ resident, quest })))
      .slice(0, options.n);
    await inBatches(pairs, 20, ({ resident, quest }) => joinQuest(resident, quest.id));

    const decided = async () =>
      Number(
        (
          await db.query<{ n: string }>(
            `select count(*) as n from evidence where status <> 'pending'`,
          )
        ).rows[0]!.n,
      );
    const waitFor = async (enough: (count: number) => boolean) => {
      for (;;) {
        const count = await decided();
        if (enough(count)) return count;
        await new Promise((r) => setTimeout(r, 15));
      }
    };

    // Work arrives in waves, so each kill lands while jobs are waiting and running.
    const waves = options.kills + 1;
    const perWave = Math.ceil(options.n / waves);
    const decidedAtKills: number[] = [];
    const verify = server.handle.services.evidence.verifyJob;
    for (let wave = 0; wave < waves; wave++) {
      const batch = pairs.slice(wave * perWave, (wave + 1) * perWave);
      await inBatches(batch, 20, async ({ resident, quest }) => {
        const sent = await submitEvidence(resident, quest.id, { checkin: checkinAt(PARK) });
        if (sent.status !== 202)
          throw new Error(`submit: ${sent.status} ${JSON.stringify(sent.body)}`);
        // A duplicate delivery of the same work, as a retried enqueue would make.
        await server.handle.infra.jobs.add(
          verify,
          { evidenceId: sent.body.evidenceId, trigger: 'requeue' },
          { jobId: `${sent.body.evidenceId}:dup:1` },
        );
      });
      worker = await startWorkerProcess(server);
      const submittedSoFar = Math.min(options.n, (wave + 1) * perWave);
      if (wave < options.kills) {
        const before = await decided();
        decidedAtKills.push(await waitFor((c) => c > before + batch.length / 3));
        await killHard(worker);
        worker = null;
      } else {
        await waitFor((c) => c >= submittedSoFar);
      }
    }
    // Let the duplicates drain too before counting.
    const queue = server.handle.infra.jobs.queue('verification');
    for (;;) {
      const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(c).every((v) => v === 0)) break;
      await new Promise((r) => setTimeout(r, 50));
    }

    const statuses = Object.fromEntries(
      (
        await db.query<{ status: string; n: string }>(
          'select status, count(*) as n from evidence group by status',
        )
      ).rows.map((r) => [r.status, Number(r.n)]),
    );
    const ledger = (
      await db.query<{ rows: string; pairs: string; total: string }>(
        `select count(*) as rows, count(distinct (evidence_id, user_id)) as pairs,
                coalesce(sum(amount), 0) as total from xp_ledger`,
      )
    ).rows[0]!;
    const maxPer = (
      await db.query<{ m: string | null }>(
        'select max(n) as m from (select count(*) as n from xp_ledger group by evidence_id) t',
      )
    ).rows[0]!.m;
    const completed = (
      await db.query<{ n: string }>(
        `select count(*) as n from participations where status = 'completed'`,
      )
    ).rows[0]!.n;
    return {
      n: options.n,
      decidedAtKills,
      statuses,
      ledgerRows: Number(ledger.rows),
      distinctPairs: Number(ledger.pairs),
      maxRowsPerEvidence: Number(maxPer ?? 0),
      completedParticipations: Number(completed),
      failedJobs: await queue.getFailedCount(),
      xpTotal: Number(ledger.total),
    };
  } finally {
    if (worker) {
      (worker as WorkerProcess).child.kill('SIGTERM');
      await (worker as WorkerProcess).exited;
    }
    await db.end();
    await server.close();
  }
}

/** Every one of `n` check-ins verified and paid exactly once, with no job left failed. */
export function expectPaidExactlyOnce(report: ExactlyOnceReport, n: number): void {
  expect(report.statuses).toEqual({ verified: n });
  expect(report.ledgerRows).toBe(n);
  expect(report.distinctPairs).toBe(n);
  expect(report.maxRowsPerEvidence).toBe(1);
  expect(report.xpTotal).toBe(n * XP_PER_QUEST);
  expect(report.completedParticipations).toBe(n);
  expect(report.failedJobs).toBe(0);
}
