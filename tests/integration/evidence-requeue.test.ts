/**
 * The safety net for lost verification jobs: evidence that waited long and was never judged
 * is queued again by a repeating maintenance job, and then decided like any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestServer, type TestServer } from '../support/harness';
import type { TestClient } from '../support/client';
import {
  checkinAt,
  createQuest,
  joinQuest,
  PARK,
  query,
  submitEvidence,
} from './evidence-fixtures';

const MINUTE = 60_000;

describe('re-queueing evidence whose verification job was lost', () => {
  let server: TestServer;
  let officer: TestClient;
  beforeAll(async () => {
    // ROLE=api: jobs are queued but nothing runs them until the test starts a worker.
    server = await startTestServer({ env: { ROLE: 'api' } });
    officer = await server.login(DEMO.officer);
  });
  afterAll(() => server?.close());

  async function statusOf(evidenceId: string): Promise<string> {
    const rows = await query<{ status: string }>(
      server,
      'select status from evidence where id = $1',
      [evidenceId],
    );
    return rows[0]!.status;
  }

  it('queues only never-judged evidence older than ten minutes, and the worker decides it', async () => {
    const { evidence } = server.handle.services;
    const verification = server.handle.infra.jobs.queue('verification');

    // A check-in whose job vanished (as with a Redis that lost its data).
    const quest = await createQuest(officer);
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    const lost = await submitEvidence(resident, quest.id, { checkin: checkinAt(PARK) });
    expect(lost.status).toBe(202);
    await verification.remove(lost.body.evidenceId);
    expect(await verification.getJob(lost.body.evidenceId)).toBeUndefined();

    // A check-in that was judged and now waits for neighbours: not lost, leave it alone.
    const vouched = await createQuest(officer, {
      evidenceRules: { checkin: true, attestations: 2 },
    });
    const waiter = await server.newResident();
    await joinQuest(waiter, vouched.id);
    const waiting = await submitEvidence(waiter, vouched.id, { checkin: checkinAt(PARK) });
    await evidence.verify({ evidenceId: waiting.body.evidenceId, trigger: 'submitted' });
    expect(await statusOf(waiting.body.evidenceId)).toBe('pending');
    await verification.remove(waiting.body.evidenceId);

    // Too young to be presumed lost.
    expect((await evidence.requeueStale(new Date(Date.now() + 5 * MINUTE))).requeued).toBe(0);

    const later = new Date(Date.now() + 11 * MINUTE);
    expect(await evidence.requeueStale(later)).toEqual({ requeued: 1 });
    // A second sweep in the same round (another node, say) queues nothing new.
    await evidence.requeueStale(later);
    const queued = await verification.getJobs(['waiting']);
    expect(queued.filter((j) => j.data.data.evidenceId === lost.body.evidenceId)).toHaveLength(1);
    expect(queued.some((j) => j.data.data.evidenceId === waiting.body.evidenceId)).toBe(false);

    const [worker] = server.handle.infra.jobs.startWorkers([evidence.verifyJob], 4);
    try {
      await expect.poll(() => statusOf(lost.body.evidenceId), { timeout: 15_000 }).toBe('verified');
      const paid = await query<{ n: number }>(
        server,
        'select count(*)::int as n from xp_ledger where evidence_id = $1',
        [lost.body.evidenceId],
      );
      expect(paid[0]!.n).toBe(1);
    } finally {
      await worker!.close();
    }
  });
});

describe('the sweep timer', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.close());

  it('is registered once on the maintenance queue when a worker node starts', async () => {
    const schedulers = await server.handle.infra.jobs.queue('maintenance').getJobSchedulers();
    const sweep = schedulers.filter((s) => s.name === 'evidence.requeue-stale');
    expect(sweep).toHaveLength(1);
    expect(sweep[0]!.every).toBe(5 * MINUTE);
  });
});
