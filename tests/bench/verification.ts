/**
 * How fast one worker verifies check-ins, against how fast BullMQ alone runs no-op jobs on
 * the same Redis, with the same job options, worker settings and concurrency, in the same
 * run. Targets: at least 500 verifications a second, and at least half the no-op rate.
 *
 * It also times the same verification called directly, with no queue at all: that rate over
 * the no-op rate is the most the ratio could reach if BullMQ cost nothing. And it prints the
 * CPU one verification costs, in this process and on the whole machine (PostgreSQL and Redis
 * included), because on two cores that, not waiting, is what sets the rate.
 * Prints figures; asserts nothing.
 *
 *   npx tsx tests/bench/verification.ts        (or through `npm run bench`)
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Quest } from '@govcraft/shared';
import { ZEnv } from '../../server/src/config';
import { DEFAULT_JOB_OPTIONS } from '../../server/src/jobs/registry';
import { DEMO, TEST_REDIS_URL, startTestServer, type TestServer } from '../support/harness';
import type { TestClient } from '../support/client';
import {
  checkinAt,
  createQuest,
  joinQuest,
  PARK,
  submitEvidence,
} from '../integration/evidence-fixtures';
import { runWhenMain } from './main';

const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 2000);
const QUESTS = 50;
/** What a worker process runs by default (WORKER_CONCURRENCY). */
const CONCURRENCY = Number(
  process.env.BENCH_CONCURRENCY ?? ZEnv.shape.WORKER_CONCURRENCY.parse(undefined),
);

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * N pending check-ins by new residents on new quests, queued while no worker runs (the
 * server is ROLE=api). Answers their evidence ids.
 */
async function submitPendingCheckins(server: TestServer, n: number): Promise<string[]> {
  const officer = await server.login(DEMO.officer);
  const quests: Quest[] = [];
  for (let i = 0; i < QUESTS; i++) quests.push(await createQuest(officer, { title: `Bench ${i}` }));
  const residents: TestClient[] = [];
  for (let i = 0; i < Math.ceil(n / QUESTS); i++) residents.push(await server.newResident());
  const pairs = residents.flatMap((r) => quests.map((q) => ({ r, q }))).slice(0, n);
  const ids: string[] = [];
  await inBatches(pairs, 25, async ({ r, q }) => {
    await joinQuest(r, q.id);
    const sent = await submitEvidence(r, q.id, { checkin: checkinAt(PARK) });
    if (sent.status !== 202) throw new Error(`submit: ${sent.status} ${JSON.stringify(sent.body)}`);
    ids.push((sent.body as { evidenceId: string }).evidenceId);
  });
  return ids;
}

/** Busy CPU time of the whole machine so far, in seconds (from /proc/stat). */
function machineBusySeconds(): number {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user! + nice! + system! + irq! + softirq!) / 100;
}

interface Measured {
  perSecond: number;
  /** CPU seconds per item: this process, and every process on the machine. */
  processCpuUs: number;
  machineCpuUs: number;
}

async function measure(n: number, run: () => Promise<void>): Promise<Measured> {
  const cpu = process.cpuUsage();
  const machine = machineBusySeconds();
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    perSecond: n / seconds,
    processCpuUs: (used.user + used.system) / n,
    machineCpuUs: ((machineBusySeconds() - machine) * 1e6) / n,
  };
}

function untilDone(worker: Worker, n: number): Promise<void> {
  let done = 0;
  return new Promise<void>((resolve, reject) => {
    worker.on('completed', () => {
      if (++done === n) resolve();
    });
    worker.on('failed', (_job, err) => reject(err));
  });
}

async function queuedVerification(server: TestServer, n: number): Promise<Measured> {
  const { evidence } = server.handle.services;
  let worker: Worker | undefined;
  const measured = await measure(n, async () => {
    [worker] = server.handle.infra.jobs.startWorkers([evidence.verifyJob], CONCURRENCY);
    await untilDone(worker!, n);
  });
  await worker?.close();
  return measured;
}

/** The same verification with no queue: CONCURRENCY callers, each taking the next id. */
async function directVerification(server: TestServer, ids: string[]): Promise<Measured> {
  const { evidence } = server.handle.services;
  let next = 0;
  return measure(ids.length, async () => {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ids.length) {
          const result = await evidence.verify({ evidenceId: ids[next++]!, trigger: 'submitted' });
          if (result.status !== 'verified') throw new Error(`not verified: ${result.status}`);
        }
      }),
    );
  });
}

async function noopJobs(prefix: string, n: number): Promise<Measured> {
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const name = `bench-noop-${randomUUID()}`;
  const queue = new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  const evidenceJob = (await import('../../server/src/features/evidence/jobs')).verifyEvidenceJob(
    async () => undefined,
  );
  try {
    await queue.addBulk(
      Array.from({ length: n }, () => ({ name: 'noop', data: {}, opts: { jobId: randomUUID() } })),
    );
    let worker: Worker | undefined;
    const measured = await measure(n, async () => {
      worker = new Worker(name, async () => undefined, {
        ...evidenceJob.worker,
        connection: new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null }),
        prefix,
        concurrency: CONCURRENCY,
      });
      await untilDone(worker, n);
    });
    await worker?.close();
    return measured;
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  }
}

const rate = (m: Measured) => `${m.perSecond.toFixed(0)}/s`;
const cpu = (m: Measured) =>
  `${m.processCpuUs.toFixed(0)} µs CPU here, ${m.machineCpuUs.toFixed(0)} µs on the machine`;

export async function benchVerification(): Promise<string[]> {
  const server = await startTestServer({ env: { ROLE: 'api', RATE_LIMIT_MULTIPLIER: '100000' } });
  try {
    await submitPendingCheckins(server, EVIDENCE);
    const queued = await queuedVerification(server, EVIDENCE);
    const direct = await directVerification(server, await submitPendingCheckins(server, EVIDENCE));
    const noop = await noopJobs(`${server.prefix}:bull`, EVIDENCE);
    const ratio = queued.perSecond / noop.perSecond;
    return [
      `verification: ${EVIDENCE} check-ins, one worker, concurrency ${CONCURRENCY}`,
      `  check-in verifications: ${rate(queued)} (target ≥ 500/s: ${queued.perSecond >= 500 ? 'met' : 'NOT met'}); ${cpu(queued)} each`,
      `  BullMQ no-op jobs, same Redis, options and concurrency: ${rate(noop)}; ${cpu(noop)} each`,
      `  ratio: ${ratio.toFixed(2)} of the no-op rate (target ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`,
      `  the same verification with no queue: ${rate(direct)}; ${cpu(direct)} each`,
      `  ceiling with a free queue: ${(direct.perSecond / noop.perSecond).toFixed(2)} of the no-op rate`,
    ];
  } finally {
    await server.close();
  }
}

runWhenMain(import.meta.url, benchVerification);
