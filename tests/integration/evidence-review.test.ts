/**
 * Evidence that people decide: the area officers' review queue (approve with an audit row,
 * reject with a reason) and neighbours vouching until enough have.
 */
import { describe, expect, it } from 'vitest';
import type { Evidence, ReviewQueue } from '@govcraft/shared';
import { checkIn, PARK, useEvidenceServer } from './evidence-fixtures';

describe('evidence review and attestations', () => {
  const suite = useEvidenceServer();

  /** A resident's check-in on a fresh quest with these evidence rules, and its live events. */
  async function checkedIn(evidenceRules: Record<string, unknown>, xp = 61) {
    const quest = await suite.quest({ xp, evidenceRules });
    const resident = await suite.resident(quest.id);
    const live = await suite.live(resident);
    const sent = await checkIn(resident, quest.id, PARK);
    return { quest, resident, live, id: sent.body.evidenceId };
  }
  const review = <T = Evidence>(id: string, body: Record<string, unknown>) =>
    suite.officer.post<T>(`/api/evidence/${id}/review`, body);

  it('queues evidence needing sign-off for the area officers, who approve it with an audit row', async () => {
    const { quest, resident, live, id } = await checkedIn(
      { checkin: true, officerSignOff: true },
      40,
    );
    expect((await live.statusOf(id)).status).toBe('needs_review');

    expect((await resident.get('/api/areas/oakfield/review')).status).toBe(403);
    const queue = await suite.officer.get<ReviewQueue>('/api/areas/oakfield/review');
    const item = queue.body.items.find((i) => i.id === id);
    expect(item).toMatchObject({ questTitle: quest.title, status: 'needs_review' });
    expect(item!.checks.length).toBeGreaterThan(0);
    const submitted = queue.body.items.map((i) => i.submittedAt);
    expect([...submitted].sort()).toEqual(submitted);

    expect(
      (await resident.post(`/api/evidence/${id}/review`, { decision: 'approve', reason: 'mine' }))
        .status,
    ).toBe(403);
    const noReason = await review<{ issues: { path: string }[] }>(id, { decision: 'approve' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.issues.map((i) => i.path)).toContain('reason');

    const approved = await review(id, {
      decision: 'approve',
      reason: 'Photo from the park warden confirms it.',
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('verified');
    expect((await live.statusOf(id, (e) => e.status === 'verified')).status).toBe('verified');
    const again = await review(id, {
      decision: 'approve',
      reason: 'Approving twice should not pay twice.',
    });
    expect(again.status).toBe(409);

    const ledger = await suite.query<{ amount: number; reason: string }>(
      'select amount, reason from xp_ledger where evidence_id = $1',
      [id],
    );
    expect(ledger).toEqual([{ amount: 40, reason: 'approved by an officer' }]);
    const audit = await suite.query<{ action: string }>(
      `select action from audit_log where entity_type = 'evidence' and entity_id = $1`,
      [id],
    );
    expect(audit).toEqual([{ action: 'evidence.review' }]);
  });

  it('lets an officer reject with a reason the resident sees', async () => {
    const { live, id } = await checkedIn({ checkin: true, officerSignOff: true });
    await live.statusOf(id);
    const reason = 'The benches were still dirty on Tuesday.';
    const res = await review(id, { decision: 'reject', reason });
    expect(res.body).toMatchObject({ status: 'rejected', reason });
    const event = await live.statusOf(id, (e) => e.status === 'rejected');
    expect(event.reason).toBe(reason);
    expect(await suite.ledgerCount('evidence_id', id)).toBe(0);
  });

  it('waits for attestations, then verifies when enough neighbours vouch', async () => {
    const { resident, live, id } = await checkedIn({ checkin: true, attestations: 2 });
    const waiting = await live.statusOf(id, (e) => e.reason !== null);
    expect(waiting.status).toBe('pending');
    expect(waiting.reason).toMatch(/Waiting for 2 more residents/);

    const vouch = (by: typeof resident) =>
      by.post<{ attestations: number }>(`/api/evidence/${id}/attestations`, {});
    expect((await vouch(resident)).status).toBe(403);
    const one = await vouch(await suite.server.newResident());
    expect(one.body).toMatchObject({ attestations: 1, attestationsNeeded: 2 });
    await live.statusOf(id, (e) => e.reason?.includes('Waiting for 1 more resident') ?? false);

    await vouch(await suite.server.newResident());
    expect((await live.statusOf(id)).status).toBe('verified');
    expect((await vouch(await suite.server.newResident())).status).toBe(409);
  });
});
