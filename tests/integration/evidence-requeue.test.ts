/**
 * The safety net for lost verification jobs: evidence that waited long and was never judged
 * is queued again by a repeating maintenance job, and then decided like any other.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';
import { checkIn, PARK, useEvidenceServer } from './evidence-fixtures';
import { expectOneSweepTimer } from './quest-helpers';

const MINUTE = 60_000;

describe('re-queueing evidence whose verification job was lost', () => {
  // ROLE=api: jobs are queued but nothing runs them until the test starts a worker.
  const suite = useEvidenceServer({ env: { ROLE: 'api' } });

  async function statusOf(evidenceId: string): Promise<string> {
    const rows = await suite.query<{ status: string }>(
      'select status from evidence where id = $1',
      [evidenceId],
    );
    return rows[0]!.status;
  }

  it('queues only never-judged evidence older than ten minutes, and the worker decides it', async () => {
    const { evidence } = suite.server.handle.services;
    const verification = suite.server.handle.infra.jobs.queue('verification');

    // A check-in whose job vanished (as with a Redis that lost its data).
    const quest = await suite.quest();
    const resident = await suite.resident(quest.id);
    const lost = await checkIn(resident, quest.id, PARK);
    expect(lost.status).toBe(202);
    await verification.remove(lost.body.evidenceId);
    expect(await verification.getJob(lost.body.evidenceId)).toBeUndefined();

    // A check-in that was judged and now waits for neighbours: not lost, leave it alone.
    const vouched = await suite.quest({
      evidenceRules: { checkin: true, attestations: 2 },
    });
    const waiter = await suite.resident(vouched.id);
    const waiting = await checkIn(waiter, vouched.id, PARK);
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

    const [worker] = suite.server.handle.infra.jobs.startWorkers([evidence.verifyJob], 4);
    try {
      await expect.poll(() => statusOf(lost.body.evidenceId), { timeout: 15_000 }).toBe('verified');
      expect(await suite.ledgerCount('evidence_id', lost.body.evidenceId)).toBe(1);
    } finally {
      await worker!.close();
    }
  });
});

describe('the sweep timer', () => {
  const suite = useTestServer();

  it('is registered once on the maintenance queue when a worker node starts', async () => {
    await expectOneSweepTimer(suite.server, 'evidence.requeue-stale', 5 * MINUTE);
  });
});
