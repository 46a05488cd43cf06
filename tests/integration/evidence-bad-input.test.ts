/**
 * Bad evidence is refused with a 4xx naming the problem, and leaves nothing behind: no
 * evidence row, no file under DATA_DIR/uploads, no verification job.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Quest } from '@govcraft/shared';
import { heicHeader, textNamedJpg, truncatedJpeg, uniquePhoto } from '../fixtures/photos';
import type { TestClient } from '../support/client';
import {
  checkinAt,
  type FormParts,
  joinQuest,
  PARK,
  submitEvidence,
  traces,
  useEvidenceServer,
} from './evidence-fixtures';

const MAX_BYTES = 60_000;

describe('bad evidence', () => {
  const suite = useEvidenceServer({ env: { UPLOAD_MAX_BYTES: String(MAX_BYTES) } });
  let resident: TestClient;
  let photoQuest: Quest;
  beforeAll(async () => {
    resident = await suite.server.newResident();
    photoQuest = await suite.quest({
      evidenceRules: { checkin: true, photo: true, text: true },
    });
    await joinQuest(resident, photoQuest.id);
  });

  const valid = (): FormParts => ({ checkin: checkinAt(PARK), text: 'Done it.' });

  async function refused(
    parts: FormParts,
    questId = photoQuest.id,
    client = resident,
  ): Promise<{ status: number; paths: string[]; message: string }> {
    const before = await traces(suite.server);
    const res = await submitEvidence(client, questId, parts);
    const body = res.body as unknown as { message: string; issues?: { path: string }[] };
    expect(await traces(suite.server)).toEqual(before);
    return {
      status: res.status,
      paths: (body.issues ?? []).map((i) => i.path),
      message: body.message,
    };
  }

  it('names every part the quest needs that is missing', async () => {
    const res = await refused({ checkin: checkinAt(PARK) });
    expect(res.status).toBe(400);
    expect(res.paths.sort()).toEqual(['photo', 'text']);
  });

  it.each<[string, string, unknown]>([
    [
      'NaN latitude',
      'checkin',
      '{"lat":NaN,"lng":-1.14,"accuracyM":5,"deviceTime":"2026-01-01T00:00:00Z"}',
    ],
    ['latitude out of range', 'checkin.lat', { ...checkinAt(PARK), lat: 123 }],
    ['longitude as text', 'checkin.lng', { ...checkinAt(PARK), lng: 'west' }],
    ['negative accuracy', 'checkin.accuracyM', { ...checkinAt(PARK), accuracyM: -3 }],
    ['no device time', 'checkin.deviceTime', { lat: PARK.lat, lng: PARK.lng, accuracyM: 5 }],
  ])('refuses a check-in with %s, naming %s', async (_case, path, checkin) => {
    const photo = await uniquePhoto();
    const res = await refused({ ...valid(), checkin, photo });
    expect(res.status).toBe(400);
    expect(res.paths).toContain(path);
  });

  it('refuses a text file named .jpg by its content (415)', async () => {
    const res = await refused({ ...valid(), photo: { ...textNamedJpg(), type: 'image/jpeg' } });
    expect(res.status).toBe(415);
  });

  it('refuses an HEIC header with no image in it (422)', async () => {
    const res = await refused({ ...valid(), photo: heicHeader() });
    expect(res.status).toBe(422);
  });

  it('refuses a corrupt JPEG (422)', async () => {
    const res = await refused({ ...valid(), photo: await truncatedJpeg() });
    expect(res.status).toBe(422);
  });

  it('refuses a photo over UPLOAD_MAX_BYTES with 413 naming photo', async () => {
    const huge = Buffer.concat([(await uniquePhoto()).buffer, Buffer.alloc(MAX_BYTES)]);
    const res = await refused({ ...valid(), photo: { buffer: huge } });
    expect(res.status).toBe(413);
    expect(res.paths).toEqual(['photo']);
  });

  it('refuses a note that is too long', async () => {
    const res = await refused({ ...valid(), photo: await uniquePhoto(), text: 'x'.repeat(2001) });
    expect(res.status).toBe(400);
    expect(res.paths).toEqual(['text']);
  });

  it('refuses evidence for a quest the resident has not joined (403)', async () => {
    const stranger = await suite.server.newResident();
    const res = await refused({ ...valid(), photo: await uniquePhoto() }, photoQuest.id, stranger);
    expect(res.status).toBe(403);
    expect(res.message).toMatch(/join this quest/);
  });

  it('refuses evidence for a closed quest (409)', async () => {
    const quest = await suite.quest();
    await joinQuest(resident, quest.id);
    const closed = await suite.officer.post(`/api/quests/${quest.id}/transition`, { to: 'closed' });
    expect(closed.status).toBe(200);
    const res = await refused({ checkin: checkinAt(PARK) }, quest.id);
    expect(res.status).toBe(409);
    expect(res.paths).toEqual(['questId']);
    expect(res.message).toMatch(/closed/);
  });

  it('refuses evidence for a quest that has not started (409)', async () => {
    const quest = await suite.quest({
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    await joinQuest(resident, quest.id);
    const res = await refused({ checkin: checkinAt(PARK) }, quest.id);
    expect(res.status).toBe(409);
    expect(res.message).toMatch(/not started/);
  });

  it('refuses evidence for an unknown quest (404) and anonymous senders (401)', async () => {
    const unknown = await refused(valid(), '00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    const anonymous = await refused(valid(), photoQuest.id, suite.server.client());
    expect(anonymous.status).toBe(401);
  });

  it('refuses a malformed quest id naming the parameter', async () => {
    const res = await refused(valid(), 'not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.paths).toEqual(['params.questId']);
  });
});
