/**
 * Reputation-weighted confidence: a vouch or a "not fixed" report weighs by how often the
 * resident's earlier vouches agreed with the final outcome, by the numbers GET /api/rules
 * publishes, so the attestation score and the reopen quorum are one explainable number.
 */
import { describe, expect, it } from 'vitest';
import { reputationWeight, type Evidence, type Quest, type RulesResponse } from '@govcraft/shared';
import { checkIn, PARK, useEvidenceServer } from './evidence-fixtures';
import { waitFor } from './quest-helpers';
import {
  completedQuest,
  decided,
  reportDecided,
  reportNotFixed,
  timelineOf,
} from './reopen-helpers';

describe('reputation-weighted confidence', () => {
  const suite = useEvidenceServer();

  /** A resident's check-in on a fresh quest that needs two residents to vouch. */
  async function waitingForVouches() {
    const quest = await suite.quest({ evidenceRules: { checkin: true, attestations: 2 } });
    const sender = await suite.resident(quest.id);
    const sent = await checkIn(sender, quest.id, PARK);
    expect(sent.status).toBe(202);
    return { sender, id: sent.body.evidenceId };
  }
  const vouch = (client: { post: typeof suite.officer.post }, id: string) =>
    client.post<{ attestations: number }>(`/api/evidence/${id}/attestations`, {});
  /** The attestations check once the verifier has run on this many vouches' weight. */
  const attestationScore = (owner: typeof suite.officer, id: string, weight: number) =>
    waitFor(`attestations check at ${weight}`, async () => {
      const ev = (await owner.get<Evidence>(`/api/evidence/${id}`)).body;
      const check = ev.checks.find((c) => c.check === 'attestations');
      return check && Math.abs((check.score ?? -1) - weight / 2) < 0.01 ? check : null;
    });

  it('publishes the weights and applies them to vouches and reports', async () => {
    const rules = (await suite.server.client().get<RulesResponse>('/api/rules')).body;
    expect(rules.reputation).toMatchObject({ maxWeight: expect.any(Number) });
    expect(rules.reopen.quorumWeight).toBeGreaterThan(0);
    const fresh = reputationWeight({ agreed: 0, disagreed: 0 }, rules.reputation);
    const proven = reputationWeight({ agreed: 1, disagreed: 0 }, rules.reputation);
    expect(proven).toBeGreaterThan(fresh);

    // Two new residents vouch: each weighs `fresh`, and the evidence is verified.
    const [r1, r2] = [await suite.server.newResident(), await suite.server.newResident()];
    const first = await waitingForVouches();
    expect((await vouch(r1, first.id)).status).toBe(200);
    const one = await attestationScore(first.sender, first.id, fresh);
    expect(one.passed).toBe(false);
    expect((await vouch(r2, first.id)).status).toBe(200);
    expect((await decided(first.sender, first.id)).status).toBe('verified');

    // Their vouch agreed with the outcome: their next vouch weighs `proven`, as published.
    const second = await waitingForVouches();
    expect((await vouch(r1, second.id)).status).toBe(200);
    const weighed = await attestationScore(second.sender, second.id, proven);
    expect(weighed.detail).toContain(proven.toFixed(2));
    expect((await second.sender.get<Evidence>(`/api/evidence/${second.id}`)).body.status).toBe(
      'pending',
    );

    // Two proven residents reach the quorum that two new ones do not.
    expect(proven * 2).toBeGreaterThanOrEqual(rules.reopen.quorumWeight);
    expect(fresh * 2).toBeLessThan(rules.reopen.quorumWeight);
    const { quest } = await completedQuest(suite);
    for (const reporter of [r1, r2]) {
      const sent = await reportNotFixed(reporter, quest.id);
      expect(sent.status).toBe(202);
      expect(sent.body.weight).toBe(proven);
      await reportDecided(suite.server, sent.body.reportId);
    }
    const reopened = await waitFor('quest reopened', async () => {
      const q = (await suite.server.client().get<Quest>(`/api/quests/${quest.id}`)).body;
      return q.status === 'reopened' ? q : null;
    });
    expect(reopened.status).toBe('reopened');
    const t = await timelineOf(suite.server.client(), quest.id);
    expect(t.items.at(-1)!.reason).toContain(`weigh ${Math.round(proven * 2 * 100) / 100}`);
  });

  it('weighs a resident whose vouch was rejected less than someone new', async () => {
    const rules = (await suite.server.client().get<RulesResponse>('/api/rules')).body;
    const quest = await suite.quest({
      evidenceRules: { checkin: true, attestations: 1, officerSignOff: true },
    });
    const sender = await suite.resident(quest.id);
    const sent = await checkIn(sender, quest.id, PARK);
    const voucher = await suite.server.newResident();
    expect((await vouch(voucher, sent.body.evidenceId)).status).toBe(200);
    await decided(sender, sent.body.evidenceId, (s) => s === 'needs_review');
    const rejected = await suite.officer.post(`/api/evidence/${sent.body.evidenceId}/review`, {
      decision: 'reject',
      reason: 'The photo shows a different bench.',
    });
    expect(rejected.status).toBe(200);

    const { quest: done } = await completedQuest(suite);
    const report = await reportNotFixed(voucher, done.id);
    expect(report.status).toBe(202);
    const expected = reputationWeight({ agreed: 0, disagreed: 1 }, rules.reputation);
    expect(report.body.weight).toBe(expected);
    expect(expected).toBeLessThan(reputationWeight({ agreed: 0, disagreed: 0 }, rules.reputation));
  });
});
