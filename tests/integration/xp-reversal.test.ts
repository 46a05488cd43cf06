/**
 * Undo for cheating: rejecting verified evidence takes back exactly the ledger rows it
 * paid with compensating rows, and everything derived from the ledger (total, level,
 * boards, storyline progress) moves back with it; a second rejection writes nothing; one
 * appeal, upheld by an officer, pays again exactly once.
 */
import { describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/harness';
import type {
  AppealResponse,
  Evidence,
  LeaderboardResponse,
  ReviewQueue,
  Storyline,
} from '@govcraft/shared';
import { useEvidenceServer } from './evidence-fixtures';
import {
  expectBoardsMatchLedger,
  myProgress,
  newModerator,
  rejectVerified,
  verifiedCheckIn,
} from './reversal-helpers';

interface LedgerRow {
  id: string;
  amount: number;
  urgent_optimism: number;
  blissful_productivity: number;
  reverses_id: string | null;
  repays_id: string | null;
  actor_id: string | null;
  reason: string;
}

describe('taking XP back', () => {
  const suite = useEvidenceServer();

  const ledgerOf = (evidenceId: string) =>
    suite.query<LedgerRow>(
      `select id, amount, urgent_optimism, blissful_productivity, reverses_id, repays_id,
        actor_id, reason from xp_ledger where evidence_id = $1 order by id`,
      [evidenceId],
    );

  async function storyline() {
    const res = await suite.officer.post<Storyline>('/api/areas/oakfield/storylines', {
      title: `The Pond Path ${uniqueSuffix()}`,
      narrative: 'The pond could be the heart of the park again.',
      goal: 2,
      chapters: [{ title: 'Start', threshold: 0, narrative: 'Neighbours gather at the pond.' }],
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  const completedOf = async (storylineId: string) =>
    (await suite.server.client().get<Storyline>(`/api/storylines/${storylineId}`)).body.completed;

  async function myBoardXp(resident: { get: typeof suite.officer.get }) {
    const res = await resident.get<LeaderboardResponse>('/api/areas/oakfield/leaderboards');
    return res.body.me?.xp ?? null;
  }

  it('reverses exactly the rows it paid; total, level, boards and storyline follow; again is a no-op', async () => {
    const story = await storyline();
    const cheat = await suite.quest({ xp: 250, storylineId: story.id });
    const honest = await suite.quest({ xp: 80 });
    const resident = await suite.resident(cheat.id, honest.id);
    const cheated = await verifiedCheckIn(suite.server, resident, cheat.id);
    await verifiedCheckIn(suite.server, resident, honest.id);
    const before = await myProgress(resident);
    expect(before.progress).toMatchObject({ totalXp: 330, level: 3, questsCompleted: 2 });
    expect(await completedOf(story.id)).toBe(1);
    expect(await myBoardXp(resident)).toBe(330);

    const reason = 'The photo was taken from a street-view image.';
    expect((await rejectVerified(resident, cheated, reason, true)).status).toBe(403);
    const moderator = await newModerator(suite.server);
    const reversed = await rejectVerified(moderator, cheated, reason, true);
    expect(reversed.status).toBe(200);
    expect(reversed.body).toEqual({
      evidenceId: cheated,
      reversedRows: 1,
      xpTakenBack: 250,
      strike: true,
      suspended: false,
    });

    // One compensating row: the award's amount and parts negated, pointing at it.
    const [award, reversal, ...rest] = await ledgerOf(cheated);
    expect(rest).toEqual([]);
    expect(reversal).toMatchObject({
      amount: -award!.amount,
      urgent_optimism: -award!.urgent_optimism,
      blissful_productivity: -award!.blissful_productivity,
      reverses_id: award!.id,
      actor_id: moderator.userId,
      reason,
    });

    // The resident sees the drop and why.
    const after = await myProgress(resident);
    expect(after.progress).toMatchObject({ totalXp: 80, level: 1, questsCompleted: 1 });
    expect(after.reversals).toEqual([
      expect.objectContaining({
        evidenceId: cheated,
        questTitle: cheat.title,
        amount: -250,
        reason,
        levelBefore: 3,
        levelAfter: 1,
        appeal: 'none',
      }),
    ]);
    const evidence = await resident.get<Evidence>(`/api/evidence/${cheated}`);
    expect(evidence.body).toMatchObject({ status: 'rejected', reason });
    expect(await myBoardXp(resident)).toBe(80);
    expect(await completedOf(story.id)).toBe(0);
    await expectBoardsMatchLedger(suite.server);

    // Rejecting again, by either route, writes nothing.
    const again = await rejectVerified(moderator, cheated, 'Once more.', true);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ reversedRows: 0, xpTakenBack: 0, strike: false });
    const review = await suite.officer.post(`/api/evidence/${cheated}/review`, {
      decision: 'reject',
      reason: 'And once more.',
    });
    expect(review.status).toBe(409);
    expect(await ledgerOf(cheated)).toHaveLength(2);
    expect((await myProgress(resident)).progress.totalXp).toBe(80);

    const audit = await suite.query<{ action: string }>(
      `select action from audit_log where entity_id = $1 or (entity_id = $2 and action like 'evidence.%')
        order by id`,
      [cheated, resident.userId],
    );
    expect(audit.map((a) => a.action)).toEqual(['evidence.strike', 'evidence.reverse']);
  });

  it('lets the resident appeal once; an upheld appeal pays again exactly once', async () => {
    const quest = await suite.quest({ xp: 120 });
    const resident = await suite.resident(quest.id);
    const id = await verifiedCheckIn(suite.server, resident, quest.id);
    const moderator = await newModerator(suite.server);
    expect((await rejectVerified(moderator, id, 'Looks staged.', true)).status).toBe(200);
    expect((await myProgress(resident)).progress.totalXp).toBe(0);

    const other = await suite.server.newResident();
    const appealBody = { reason: 'I was there: the warden saw me clear the benches.' };
    expect((await other.post(`/api/evidence/${id}/appeal`, appealBody)).status).toBe(403);
    const filed = await resident.post<AppealResponse>(`/api/evidence/${id}/appeal`, appealBody);
    expect(filed.status).toBe(201);
    expect(filed.body).toEqual({ evidenceId: id, status: 'open' });
    expect((await resident.post(`/api/evidence/${id}/appeal`, appealBody)).status).toBe(409);

    const queue = await suite.officer.get<ReviewQueue>('/api/areas/oakfield/review?limit=100');
    const item = queue.body.items.find((i) => i.id === id);
    expect(item?.reason).toContain(appealBody.reason);

    const upheld = await suite.officer.post<Evidence>(`/api/evidence/${id}/review`, {
      decision: 'approve',
      reason: 'The warden confirms it.',
    });
    expect(upheld.status).toBe(200);
    expect(upheld.body.status).toBe('verified');
    const rows = await ledgerOf(id);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatchObject({
      amount: 120,
      repays_id: rows[0]!.id,
      actor_id: expect.any(String),
    });
    expect((await myProgress(resident)).progress.totalXp).toBe(120);
    expect((await myProgress(resident)).reversals[0]).toMatchObject({ appeal: 'upheld' });
    const strikes = await suite.query<{ lifted: boolean }>(
      'select lifted_at is not null as lifted from evidence_strikes where evidence_id = $1',
      [id],
    );
    expect(strikes).toEqual([{ lifted: true }]);

    // Nothing pays twice: a second decision and a second appeal are refused.
    const twice = await suite.officer.post(`/api/evidence/${id}/review`, {
      decision: 'approve',
      reason: 'Approving again.',
    });
    expect(twice.status).toBe(409);
    expect((await resident.post(`/api/evidence/${id}/appeal`, appealBody)).status).toBe(409);
    expect(await ledgerOf(id)).toHaveLength(3);
    expect(await myBoardXp(resident)).toBe(120);
    await expectBoardsMatchLedger(suite.server);
  });
});

describe('taking XP back on the embedded database (PGlite)', () => {
  const suite = useEvidenceServer({ db: 'pglite' });

  it('reverses, keeps the boards equal to the ledger and pays an upheld appeal once', async () => {
    const quest = await suite.quest({ xp: 90 });
    const resident = await suite.resident(quest.id);
    const id = await verifiedCheckIn(suite.server, resident, quest.id);
    const moderator = await newModerator(suite.server);
    const reversed = await rejectVerified(moderator, id, 'Staged photo.', false);
    expect(reversed.body).toMatchObject({ reversedRows: 1, xpTakenBack: 90, strike: false });
    expect((await myProgress(resident)).progress.totalXp).toBe(0);
    await expectBoardsMatchLedger(suite.server);
    expect(
      (await resident.post(`/api/evidence/${id}/appeal`, { reason: 'It was me.' })).status,
    ).toBe(201);
    const upheld = await suite.officer.post<Evidence>(`/api/evidence/${id}/review`, {
      decision: 'approve',
      reason: 'Confirmed.',
    });
    expect(upheld.body.status).toBe('verified');
    expect((await myProgress(resident)).progress.totalXp).toBe(90);
    await expectBoardsMatchLedger(suite.server);
  });
});
