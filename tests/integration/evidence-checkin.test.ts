/**
 * Check-in evidence end to end against a real server, PostgreSQL, Redis and BullMQ worker:
 * upload, verification, XP paid once into an append-only ledger, and live events.
 */
import { describe, expect, it } from 'vitest';
import type { Evidence, MeResponse, PublicProfile } from '@govcraft/shared';
import {
  checkIn,
  checkinAt,
  LIBRARY,
  PARK,
  submitEvidence,
  useEvidenceServer,
} from './evidence-fixtures';

describe('check-in evidence', () => {
  const suite = useEvidenceServer();

  it('verifies a check-in at the spot, pays XP once and tells the resident live', async () => {
    const quest = await suite.quest({ xp: 61 });
    const resident = await suite.resident(quest.id);
    const live = await suite.live(resident);
    const sent = await checkIn(resident, quest.id, PARK);
    expect(sent.status).toBe(202);
    expect(sent.body.status).toBe('pending');

    const status = await live.statusOf(sent.body.evidenceId);
    expect(status.status).toBe('verified');
    expect(status.checks.map((c) => c.check)).toContain('geofence');

    const evidence = await resident.get<Evidence>(`/api/evidence/${sent.body.evidenceId}`);
    expect(evidence.body).toMatchObject({ status: 'verified', reason: null });
    expect(evidence.body.checks.every((c) => c.passed)).toBe(true);

    const me = await resident.get<MeResponse>('/api/me');
    expect(me.body.progress.totalXp).toBe(61);
    expect(me.body.progress.bySuperpower).toMatchObject({
      urgent_optimism: 31,
      blissful_productivity: 30,
    });
    expect(me.body.progress.questsCompleted).toBe(1);
    expect(me.body.progress.streakWeeks).toBe(1);

    const profile = await suite.server
      .client()
      .get<PublicProfile>(`/api/users/${resident.userId}/profile`);
    expect(profile.body.progress.totalXp).toBe(61);
    expect(live.awards.find((a) => a.evidenceId === sent.body.evidenceId)).toMatchObject({
      amount: 61,
      totalXp: 61,
      level: 1,
    });

    const mine =
      await resident.get<{ quest: { id: string }; participation: { status: string } }[]>(
        '/api/me/quests',
      );
    expect(JSON.stringify(mine.body)).toContain('"status":"completed"');
  });

  it('rejects a check-in far from the spot with a reason and lets the resident try again', async () => {
    const quest = await suite.quest();
    const resident = await suite.resident(quest.id);
    const live = await suite.live(resident);
    const far = await checkIn(resident, quest.id, LIBRARY);
    const rejected = await live.statusOf(far.body.evidenceId);
    expect(rejected.status).toBe('rejected');
    expect(rejected.reason).toMatch(/from the spot/);

    const again = await checkIn(resident, quest.id, PARK);
    expect(again.status).toBe(202);
    expect((await live.statusOf(again.body.evidenceId)).status).toBe('verified');
    const me = await resident.get<MeResponse>('/api/me');
    expect(me.body.progress.totalXp).toBe(61);
  });

  it('sends an impossible journey to an officer, and rejects it once a second fix confirms it', async () => {
    const parkLane = { lat: 52.632964, lng: -1.14222 };
    const station = { lat: 52.625868, lng: -1.134302 };
    const first = await suite.quest({ location: { ...parkLane, radiusM: 50 } });
    const second = await suite.quest({ location: { ...station, radiusM: 50 } });
    const third = await suite.quest({ location: { ...parkLane, radiusM: 50 } });
    const resident = await suite.resident(first.id, second.id, third.id);
    const live = await suite.live(resident);
    const a = await checkIn(resident, first.id, parkLane);
    expect((await live.statusOf(a.body.evidenceId)).status).toBe('verified');

    // One fix alone may be a GPS jump: a person looks, nothing is turned down.
    const b = await checkIn(resident, second.id, station);
    const looked = await live.statusOf(b.body.evidenceId);
    expect(looked.status).toBe('needs_review');
    expect(looked.reason).toMatch(/faster than anyone can travel.*officer will take a look/);

    // Back at Park Lane at once, with a second fix that agrees: the jump is real.
    const c = await submitEvidence(resident, third.id, {
      checkin: { ...checkinAt(parkLane), confirmingFix: { ...parkLane, accuracyM: 6 } },
    });
    const status = await live.statusOf(c.body.evidenceId);
    expect(status.status).toBe('rejected');
    expect(status.reason).toMatch(/faster than anyone can travel/);
  });

  it('refuses a second evidence while the first is still open', async () => {
    const quest = await suite.quest({
      evidenceRules: { checkin: true, officerSignOff: true },
    });
    const resident = await suite.resident(quest.id);
    expect((await checkIn(resident, quest.id, PARK)).status).toBe(202);
    expect((await checkIn(resident, quest.id, PARK)).status).toBe(409);
  });

  it('keeps the XP ledger append-only in the database itself', async () => {
    const rows = await suite.query<{ id: number }>('select id from xp_ledger limit 1');
    expect(rows.length).toBe(1);
    await expect(
      suite.query('update xp_ledger set amount = amount + 1000 where id = $1', [rows[0]!.id]),
    ).rejects.toThrow(/append-only/);
    await expect(suite.query('delete from xp_ledger where id = $1', [rows[0]!.id])).rejects.toThrow(
      /append-only/,
    );
  });
});
