/**
 * Evidence end to end against a real server, PostgreSQL, Redis and BullMQ worker: upload,
 * verification, XP paid once, live events, the officer review queue and attestations.
 */
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence, MeResponse, PublicProfile, ReviewQueue } from '@govcraft/shared';
import { DEMO, startTestServer, type TestServer } from '../support/harness';
import type { TestClient } from '../support/client';
import {
  checkinAt,
  createQuest,
  eventSocket,
  joinQuest,
  LIBRARY,
  PARK,
  query,
  submitEvidence,
  uniquePhoto,
} from './evidence-fixtures';

describe('evidence flow', () => {
  let server: TestServer;
  let officer: TestClient;
  beforeAll(async () => {
    server = await startTestServer();
    officer = await server.login(DEMO.officer);
  });
  afterAll(() => server?.close());

  it('verifies a check-in at the spot, pays XP once and tells the resident live', async () => {
    const quest = await createQuest(officer, { xp: 61 });
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    const live = await eventSocket(server, resident);
    try {
      const sent = await submitEvidence(resident, quest.id, { checkin: checkinAt(PARK) });
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

      const profile = await server
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
    } finally {
      live.close();
    }
  });

  it('rejects a check-in far from the spot with a reason and lets the resident try again', async () => {
    const quest = await createQuest(officer);
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    const live = await eventSocket(server, resident);
    try {
      const far = await submitEvidence(resident, quest.id, { checkin: checkinAt(LIBRARY) });
      const rejected = await live.statusOf(far.body.evidenceId);
      expect(rejected.status).toBe('rejected');
      expect(rejected.reason).toMatch(/from the spot/);

      const again = await submitEvidence(resident, quest.id, { checkin: checkinAt(PARK) });
      expect(again.status).toBe(202);
      expect((await live.statusOf(again.body.evidenceId)).status).toBe('verified');
      const me = await resident.get<MeResponse>('/api/me');
      expect(me.body.progress.totalXp).toBe(61);
    } finally {
      live.close();
    }
  });

  it('rejects a check-in after an impossible journey from the previous one', async () => {
    const parkLane = { lat: 52.632964, lng: -1.14222 };
    const station = { lat: 52.625868, lng: -1.134302 };
    const first = await createQuest(officer, { location: { ...parkLane, radiusM: 50 } });
    const second = await createQuest(officer, { location: { ...station, radiusM: 50 } });
    const resident = await server.newResident();
    await joinQuest(resident, first.id);
    await joinQuest(resident, second.id);
    const live = await eventSocket(server, resident);
    try {
      const a = await submitEvidence(resident, first.id, { checkin: checkinAt(parkLane) });
      expect((await live.statusOf(a.body.evidenceId)).status).toBe('verified');
      const b = await submitEvidence(resident, second.id, { checkin: checkinAt(station) });
      const status = await live.statusOf(b.body.evidenceId);
      expect(status.status).toBe('rejected');
      expect(status.reason).toMatch(/faster than anyone can travel/);
    } finally {
      live.close();
    }
  });

  it('refuses a second evidence while the first is still open', async () => {
    const quest = await createQuest(officer, {
      evidenceRules: { checkin: true, officerSignOff: true },
    });
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    const first = await submitEvidence(resident, quest.id, { checkin: checkinAt(PARK) });
    expect(first.status).toBe(202);
    const second = await submitEvidence(resident, quest.id, { checkin: checkinAt(PARK) });
    expect(second.status).toBe(409);
  });

  it('stores photos without their location and shows them only to owner and officers', async () => {
    const quest = await createQuest(officer, {
      evidenceRules: { checkin: true, photo: true, text: true },
    });
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    const camera = await uniquePhoto({ takenAt: new Date(), ...PARK });
    expect(await exifr.gps(camera.buffer)).toMatchObject({ latitude: expect.any(Number) });
    const live = await eventSocket(server, resident);
    try {
      const sent = await submitEvidence(resident, quest.id, {
        checkin: checkinAt(PARK),
        photo: camera,
        text: 'Cleared two bags of litter from the benches.',
      });
      expect(sent.status).toBe(202);
      const status = await live.statusOf(sent.body.evidenceId);
      expect(status.status).toBe('verified');
      expect(status.checks.map((c) => c.check)).toEqual(
        expect.arrayContaining(['photoExif', 'duplicatePhoto', 'text']),
      );

      const url = `/api/evidence/${sent.body.evidenceId}/photo`;
      const served = await fetch(`${server.url}${url}`, {
        headers: { cookie: resident.cookieHeader },
      });
      expect(served.headers.get('content-type')).toMatch(/image\/jpeg/);
      const bytes = Buffer.from(await served.arrayBuffer());
      expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect(await exifr.gps(bytes)).toBeUndefined();

      const stranger = await server.newResident();
      expect((await stranger.get(url)).status).toBe(404);
      expect((await stranger.get(`/api/evidence/${sent.body.evidenceId}`)).status).toBe(404);
      expect((await officer.get(url)).status).toBe(200);
    } finally {
      live.close();
    }
  });

  it('sends a re-used photo to rejection as a duplicate', async () => {
    const quest = await createQuest(officer, { evidenceRules: { photo: true } });
    const [a, b] = [await server.newResident(), await server.newResident()];
    await joinQuest(a, quest.id);
    await joinQuest(b, quest.id);
    const photo = await uniquePhoto();
    const liveB = await eventSocket(server, b);
    try {
      const first = await submitEvidence(a, quest.id, { photo });
      expect(first.status).toBe(202);
      const copy = await submitEvidence(b, quest.id, { photo });
      const status = await liveB.statusOf(copy.body.evidenceId);
      expect(status.status).toBe('rejected');
      expect(status.reason).toMatch(/same as one already sent/);
    } finally {
      liveB.close();
    }
  });

  it('queues evidence needing sign-off for the area officers, who approve it with an audit row', async () => {
    const quest = await createQuest(officer, {
      xp: 40,
      evidenceRules: { checkin: true, officerSignOff: true },
    });
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    const live = await eventSocket(server, resident);
    try {
      const sent = await submitEvidence(resident, quest.id, { checkin: checkinAt(PARK) });
      const id = sent.body.evidenceId;
      expect((await live.statusOf(id)).status).toBe('needs_review');

      expect((await resident.get('/api/areas/oakfield/review')).status).toBe(403);
      const queue = await officer.get<ReviewQueue>('/api/areas/oakfield/review');
      const item = queue.body.items.find((i) => i.id === id);
      expect(item).toMatchObject({ questTitle: quest.title, status: 'needs_review' });
      expect(item!.checks.length).toBeGreaterThan(0);
      const submitted = queue.body.items.map((i) => i.submittedAt);
      expect([...submitted].sort()).toEqual(submitted);

      expect(
        (await resident.post(`/api/evidence/${id}/review`, { decision: 'approve', reason: 'mine' }))
          .status,
      ).toBe(403);
      const noReason = await officer.post<{ issues: { path: string }[] }>(
        `/api/evidence/${id}/review`,
        { decision: 'approve' },
      );
      expect(noReason.status).toBe(400);
      expect(noReason.body.issues.map((i) => i.path)).toContain('reason');

      const approved = await officer.post<Evidence>(`/api/evidence/${id}/review`, {
        decision: 'approve',
        reason: 'Photo from the park warden confirms it.',
      });
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('verified');
      expect((await live.statusOf(id, (e) => e.status === 'verified')).status).toBe('verified');
      const again = await officer.post(`/api/evidence/${id}/review`, {
        decision: 'approve',
        reason: 'Approving twice should not pay twice.',
      });
      expect(again.status).toBe(409);

      const ledger = await query<{ amount: number; reason: string }>(
        server,
        'select amount, reason from xp_ledger where evidence_id = $1',
        [id],
      );
      expect(ledger).toEqual([{ amount: 40, reason: 'approved by an officer' }]);
      const audit = await query<{ action: string }>(
        server,
        `select action from audit_log where entity_type = 'evidence' and entity_id = $1`,
        [id],
      );
      expect(audit).toEqual([{ action: 'evidence.review' }]);
    } finally {
      live.close();
    }
  });

  it('lets an officer reject with a reason the resident sees', async () => {
    const quest = await createQuest(officer, {
      evidenceRules: { checkin: true, officerSignOff: true },
    });
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    const live = await eventSocket(server, resident);
    try {
      const sent = await submitEvidence(resident, quest.id, { checkin: checkinAt(PARK) });
      await live.statusOf(sent.body.evidenceId);
      const res = await officer.post<Evidence>(`/api/evidence/${sent.body.evidenceId}/review`, {
        decision: 'reject',
        reason: 'The benches were still dirty on Tuesday.',
      });
      expect(res.body).toMatchObject({
        status: 'rejected',
        reason: 'The benches were still dirty on Tuesday.',
      });
      const event = await live.statusOf(sent.body.evidenceId, (e) => e.status === 'rejected');
      expect(event.reason).toBe('The benches were still dirty on Tuesday.');
      const paid = await query(server, 'select 1 from xp_ledger where evidence_id = $1', [
        sent.body.evidenceId,
      ]);
      expect(paid).toHaveLength(0);
    } finally {
      live.close();
    }
  });

  it('waits for attestations, then verifies when enough neighbours vouch', async () => {
    const quest = await createQuest(officer, { evidenceRules: { checkin: true, attestations: 2 } });
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    const live = await eventSocket(server, resident);
    try {
      const sent = await submitEvidence(resident, quest.id, { checkin: checkinAt(PARK) });
      const id = sent.body.evidenceId;
      const waiting = await live.statusOf(id, (e) => e.reason !== null);
      expect(waiting.status).toBe('pending');
      expect(waiting.reason).toMatch(/Waiting for 2 more residents/);

      expect((await resident.post(`/api/evidence/${id}/attestations`, {})).status).toBe(403);
      const first = await server.newResident();
      const one = await first.post<{ attestations: number }>(
        `/api/evidence/${id}/attestations`,
        {},
      );
      expect(one.body).toMatchObject({ attestations: 1, attestationsNeeded: 2 });
      await live.statusOf(id, (e) => e.reason?.includes('Waiting for 1 more resident') ?? false);

      const second = await server.newResident();
      await second.post(`/api/evidence/${id}/attestations`, {});
      expect((await live.statusOf(id)).status).toBe('verified');
      const late = await server.newResident();
      expect((await late.post(`/api/evidence/${id}/attestations`, {})).status).toBe(409);
    } finally {
      live.close();
    }
  });

  it('keeps the XP ledger append-only in the database itself', async () => {
    const rows = await query<{ id: number }>(server, 'select id from xp_ledger limit 1');
    expect(rows.length).toBe(1);
    await expect(
      query(server, 'update xp_ledger set amount = amount + 1000 where id = $1', [rows[0]!.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      query(server, 'delete from xp_ledger where id = $1', [rows[0]!.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('lists my evidence, exports it and erases it with the account', async () => {
    const quest = await createQuest(officer, { evidenceRules: { photo: true, text: true } });
    const resident = await server.newResident();
    await joinQuest(resident, quest.id);
    const live = await eventSocket(server, resident);
    let id: string;
    try {
      const sent = await submitEvidence(resident, quest.id, {
        photo: await uniquePhoto({ takenAt: new Date(), ...PARK }),
        text: 'Painted over the tags by the gate.',
      });
      id = sent.body.evidenceId;
      await live.statusOf(id);
    } finally {
      live.close();
    }
    const mine = await resident.get<{ items: Evidence[] }>('/api/me/evidence');
    expect(mine.body.items.map((e) => e.id)).toEqual([id]);
    const exported = await resident.get<{ evidence: Evidence[] }>('/api/me/export');
    expect(exported.body.evidence[0]).toMatchObject({
      id,
      text: 'Painted over the tags by the gate.',
    });

    const del = await resident.delete('/api/me', { password: 'correct-horse-battery' });
    expect(del.status).toBe(204);
    const [row] = await query<{
      text: string | null;
      photo_key: string | null;
      photo_exif: unknown;
    }>(server, 'select text, photo_key, photo_exif from evidence where id = $1', [id]);
    expect(row).toEqual({ text: null, photo_key: null, photo_exif: null });
    expect(await server.handle.services.evidence.storage.get(`evidence/${id}.jpg`)).toBeNull();
  });
});
