/**
 * How fast one worker verifies check-ins, against how fast BullMQ alone runs no-op jobs on
 * the same Redis with the same concurrency in the same run. Targets: at least 500
 * verifications a second, and at least half the no-op rate. Prints figures; asserts nothing.
 *
 *   npx tsx tests/bench/verification.ts        (or through `npm run bench`)
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Quest } from '@govcraft/shared';
import { DEMO, TEST_REDIS_URL, startTestServer, type TestServer } from '../support/harness';
import type { TestClient } from '../support/client';
import {
  checkinAt,
  createQuest,
  joinQuest,
  PARK,
  submitEvidence,
} from '../integration/evidence-fixtures';

const EVIDENCE = Number(process.env.BENCH_EVIDENCE ?? 1000);
const QUESTS = 50;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** N pending check-ins, queued while no worker runs (the server is ROLE=api). */
async function queuePendingCheckins(server: TestServer): Promise<void> {
  const officer = await server.login(DEMO.officer);
  const quests: Quest[] = [];
  for (let i = 0; i < QUESTS; i++) quests.push(await createQuest(officer, { title: `Bench ${i}` }));
  const residents: TestClient[] = [];
  for (let i = 0; i < Math.ceil(EVIDENCE / QUESTS); i++) residents.push(await server.newResident());
  const pairs = residents.flatMap((r) => quests.map((q) => ({ r, q }))).slice(0, EVIDENCE);
  await inBatches(pairs, 25, async ({ r, q }) => {
    await joinQuest(r, q.id);
    const sent = await submitEvidence(r, q.id, { checkin: checkinAt(PARK) });
    if (sent.status !== 202) throw new Error(`submit: ${sent.status} ${JSON.stringify(sent.body)}`);
  });
}

async function timeUntilDone(worker: Worker, n: number): Promise<number> {
  const started = performance.now();
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    worker.on('completed', () => {
      if (++done === n) resolve();
    });
    worker.on('failed', (_job, err) => reject(err));
  });
  return (performance.now() - started) / 1000;
}

async function verificationRate(server: TestServer): Promise<number> {
  const [worker] = server.handle.infra.jobs.startWorkers(
    server.handle.services.evidence.jobs,
    CONCURRENCY,
  );
  const seconds = await timeUntilDone(worker!, EVIDENCE);
  await worker!.close();
  return EVIDENCE / seconds;
}

async function noopRate(prefix: string): Promise<number> {
  const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  const name = `bench-noop-${randomUUID()}`;
  const queue = new Queue(name, { connection, prefix });
  try {
    await queue.addBulk(
      Array.from({ length: EVIDENCE }, (_, i) => ({ name: 'noop', data: { i } })),
    );
    const worker = new Worker(name, async () => undefined, {
      connection: new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null }),
      prefix,
      concurrency: CONCURRENCY,
    });
    const seconds = await timeUntilDone(worker, EVIDENCE);
    await worker.close();
    return EVIDENCE / seconds;
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
  }
}

export async function benchVerification(): Promise<string[]> {
  const server = await startTestServer({ env: { ROLE: 'api', RATE_LIMIT_MULTIPLIER: '100000' } });
  try {
    await queuePendingCheckins(server);
    const verified = await verificationRate(server);
    const noop = await noopRate(`${server.prefix}:bull`);
    const ratio = verified / noop;
    return [
      `verification: ${EVIDENCE} check-ins, one worker, concurrency ${CONCURRENCY}`,
      `  check-in verifications: ${verified.toFixed(0)}/s (target ≥ 500/s: ${verified >= 500 ? 'met' : 'NOT met'})`,
      `  BullMQ no-op jobs, same Redis and concurrency: ${noop.toFixed(0)}/s`,
      `  ratio: ${ratio.toFixed(2)} of the no-op rate (target ≥ 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`,
    ];
  } finally {
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchVerification()) console.log(line);
  process.exit(0);
}
