/**
 * Photo evidence and the resident's own data: photos kept without their location and shown
 * only to the people entitled to them, re-used photos caught, and evidence listed, exported
 * and erased with the account.
 */
import exifr from 'exifr';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '@govcraft/shared';
import { uniquePhoto } from '../fixtures/photos';
import { checkinAt, PARK, submitEvidence, useEvidenceServer } from './evidence-fixtures';

describe('photo evidence and personal data', () => {
  const suite = useEvidenceServer();

  it('stores photos without their location and shows them only to owner and officers', async () => {
    const quest = await suite.quest({
      evidenceRules: { checkin: true, photo: true, text: true },
    });
    const resident = await suite.resident(quest.id);
    const camera = await uniquePhoto({ takenAt: new Date(), ...PARK });
    expect(await exifr.gps(camera.buffer)).toMatchObject({ latitude: expect.any(Number) });
    const live = await suite.live(resident);
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
    const served = await fetch(`${suite.server.url}${url}`, {
      headers: { cookie: resident.cookieHeader },
    });
    expect(served.headers.get('content-type')).toMatch(/image\/jpeg/);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(await exifr.gps(bytes)).toBeUndefined();

    const stranger = await suite.server.newResident();
    expect((await stranger.get(url)).status).toBe(404);
    expect((await stranger.get(`/api/evidence/${sent.body.evidenceId}`)).status).toBe(404);
    expect((await suite.officer.get(url)).status).toBe(200);
  });

  it('sends a re-used photo to rejection as a duplicate', async () => {
    const quest = await suite.quest({ evidenceRules: { photo: true } });
    const a = await suite.resident(quest.id);
    const b = await suite.resident(quest.id);
    const photo = await uniquePhoto();
    const liveB = await suite.live(b);
    const first = await submitEvidence(a, quest.id, { photo });
    expect(first.status).toBe(202);
    const copy = await submitEvidence(b, quest.id, { photo });
    const status = await liveB.statusOf(copy.body.evidenceId);
    expect(status.status).toBe('rejected');
    expect(status.reason).toMatch(/same as one already sent/);
  });

  it('lists my evidence, exports it and erases it with the account', async () => {
    const quest = await suite.quest({ evidenceRules: { photo: true, text: true } });
    const resident = await suite.resident(quest.id);
    const live = await suite.live(resident);
    const sent = await submitEvidence(resident, quest.id, {
      photo: await uniquePhoto({ takenAt: new Date(), ...PARK }),
      text: 'Painted over the tags by the gate.',
    });
    const id = sent.body.evidenceId;
    await live.statusOf(id);
    live.close();

    const mine = await resident.get<{ items: Evidence[] }>('/api/me/evidence');
    expect(mine.body.items.map((e) => e.id)).toEqual([id]);
    const exported = await resident.get<{ evidence: Evidence[] }>('/api/me/export');
    expect(exported.body.evidence[0]).toMatchObject({
      id,
      text: 'Painted over the tags by the gate.',
    });

    const del = await resident.delete('/api/me', { password: 'correct-horse-battery' });
    expect(del.status).toBe(204);
    const [row] = await suite.query<{
      text: string | null;
      photo_key: string | null;
      photo_exif: unknown;
    }>('select text, photo_key, photo_exif from evidence where id = $1', [id]);
    expect(row).toEqual({ text: null, photo_key: null, photo_exif: null });
    expect(
      await suite.server.handle.services.evidence.storage.get(`evidence/${id}.jpg`),
    ).toBeNull();
  });
});
