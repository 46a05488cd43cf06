/**
 * Credits follow verified participation: a verified check-in issues credits by the quest's
 * stated effort (through `xp.awarded`), a reversal for cheating takes them back, and the
 * officer dashboard reports credits and the social value split.
 */
import { describe, expect, it } from 'vitest';
import { creditsForEffort, type Dashboard } from '@govcraft/shared';
import { useEvidenceServer } from './evidence-fixtures';
import { balanceOf, expectLedgerBalanced } from './credits-helpers';
import { newModerator, rejectVerified, verifiedCheckIn } from './reversal-helpers';

describe('earning time credits', () => {
  const suite = useEvidenceServer();

  it('issues credits for verified participation and takes them back on a reversal', async () => {
    const quest = await suite.quest();
    await suite.query('update quests set effort_minutes = 150 where id = $1', [quest.id]);
    const resident = await suite.resident(quest.id);
    const evidenceId = await verifiedCheckIn(suite.server, resident, quest.id);

    const earned = creditsForEffort(150);
    await expect.poll(async () => (await balanceOf(resident)).balance).toBe(earned);
    const { entries } = await balanceOf(resident);
    expect(entries).toEqual([expect.objectContaining({ kind: 'issued', amount: earned })]);

    const moderator = await newModerator(suite.server);
    expect((await rejectVerified(moderator, evidenceId, 'Staged photo.', true)).status).toBe(200);
    await expect.poll(async () => (await balanceOf(resident)).balance).toBe(0);
    const after = await balanceOf(resident);
    expect(after.entries.map((e) => [e.kind, e.amount])).toEqual([
      ['reversed', -earned],
      ['issued', earned],
    ]);
    await expectLedgerBalanced(suite.server);

    const dashboard = await suite.officer.get<Dashboard>('/api/areas/oakfield/dashboard');
    expect(dashboard.status).toBe(200);
    // The demo seed has credits of its own; this resident's are the only reversal.
    const c = dashboard.body.credits;
    expect(c.reversed).toBe(earned);
    expect(c.issued).toBeGreaterThanOrEqual(earned);
    expect(c.outstanding).toBe(c.issued - c.redeemed - c.reversed - c.expired);
    const parts = dashboard.body.socialValueSplit.parts;
    expect(parts.map((p) => p.part)).toEqual(['economic', 'social', 'environmental']);
    const sum = parts.reduce((s, p) => s + p.valueGbp, 0);
    expect(sum).toBeCloseTo(dashboard.body.socialValue.totalGbp, 1);
    expect(dashboard.body.socialValueSplit.caveats.length).toBeGreaterThan(0);
    // The demo's approved pitch (£2,400) with its first milestone (£800) paid; the demo
    // budget round is still voting, so nothing is funded by it yet.
    expect(dashboard.body.money).toEqual({ budgetsAllocatedGbp: 2400, releasedGbp: 800 });
  });
});
