/**
 * Archiving and deleting areas: an archived area refuses every new quest, proposal,
 * evidence, team and join with a 409 naming it, stays readable and in open data, and opens
 * again when restored; only an empty area can be deleted.
 */
import { loadDemoMap } from '@govcraft/server/seed/seed';
import type { Area, Quest } from '@govcraft/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/client';
import { DEMO, uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';
import { checkIn, PARK } from './evidence-fixtures';
import { questBody, type ErrorBody } from './quest-helpers';

describe('archiving and deleting areas', () => {
  const suite = useTestServer({ officer: true });
  let admin: TestClient;

  async function newArea(name: string): Promise<Area> {
    const res = await admin.post<Area>('/api/areas', {
      name,
      slug: `${name.toLowerCase()}-${uniqueSuffix()}`,
      timezone: 'Europe/London',
      boundary: loadDemoMap().boundary,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** A resident who joined the area (and, if given, the quest) while it was open. */
  async function member(slug: string, questId?: string) {
    const resident = await suite.server.newResident();
    expect((await resident.post(`/api/areas/${slug}/join`)).status).toBe(200);
    if (questId) expect((await resident.post(`/api/quests/${questId}/join`)).status).toBe(200);
    return resident;
  }

  beforeAll(async () => {
    admin = await suite.server.login(DEMO.admin);
  });

  it('refuses new things in an archived area with a 409 naming it, and opens again', async () => {
    const area = await newArea('Riverside');
    const quest = (
      await admin.post<Quest>(`/api/areas/${area.slug}/quests`, questBody({ publish: true }))
    ).body;
    const joined = await member(area.slug, quest.id);
    const alsoJoined = await member(area.slug);

    const archived = await admin.post<Area>(`/api/areas/${area.slug}/archive`);
    expect(archived.status).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();

    const stranger = await suite.server.newResident();
    const refused: [string, Promise<{ status: number; body: unknown }>][] = [
      ['a new quest', admin.post(`/api/areas/${area.slug}/quests`, questBody())],
      [
        'a proposal',
        joined.post(`/api/areas/${area.slug}/proposals`, questBody({ xp: undefined })),
      ],
      ['joining the area', stranger.post(`/api/areas/${area.slug}/join`)],
      ['joining a quest', alsoJoined.post(`/api/quests/${quest.id}/join`)],
      ['evidence', checkIn(joined, quest.id, PARK)],
      ['a team', joined.post(`/api/areas/${area.slug}/teams`, { name: 'River Rats' })],
    ];
    for (const [what, pending] of refused) {
      const res = (await pending) as { status: number; body: ErrorBody };
      expect(res.status, what).toBe(409);
      expect(res.body.message, what).toMatch(/area "Riverside" is archived/);
    }

    // Still readable and in open data.
    expect((await suite.server.client().get<Area>(`/api/areas/${area.slug}`)).body.archivedAt).toBe(
      archived.body.archivedAt,
    );
    const listed = await suite.server.client().get<{ items: Area[] }>('/api/areas');
    expect(listed.body.items.find((a) => a.slug === area.slug)?.archivedAt).toBeTruthy();
    const geojson = await suite.server
      .client()
      .get<{ area: { archived: boolean }; features: { id: string }[] }>(
        `/api/areas/${area.slug}/quests.geojson`,
      );
    expect(geojson.body.area.archived).toBe(true);
    expect(geojson.body.features.map((f) => f.id)).toContain(quest.id);
    expect((await suite.server.client().get(`/api/quests/${quest.id}`)).status).toBe(200);
    const feed = await suite.server
      .client()
      .get<{ items: { action: string; actorRole: string }[] }>(`/api/areas/${area.slug}/audit`);
    expect(feed.body.items[0]).toMatchObject({
      action: 'area.archive',
      actorRole: 'platform_admin',
    });

    const restored = await admin.post<Area>(`/api/areas/${area.slug}/restore`);
    expect(restored.body.archivedAt).toBeNull();
    expect((await stranger.post(`/api/areas/${area.slug}/join`)).status).toBe(200);
    expect((await admin.post(`/api/areas/${area.slug}/quests`, questBody())).status).toBe(201);
  });

  it('deletes only an empty area', async () => {
    const busy = await newArea('Busyton');
    await member(busy.slug);
    const refused = await admin.delete<ErrorBody>(`/api/areas/${busy.slug}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/"Busyton" has 0 quests and 1 member/);

    const empty = await newArea('Emptyvale');
    expect((await admin.delete(`/api/areas/${empty.slug}`)).status).toBe(204);
    expect((await suite.server.client().get(`/api/areas/${empty.slug}`)).status).toBe(404);
    expect((await admin.delete(`/api/areas/${empty.slug}`)).status).toBe(404);
  });

  it('leaves archiving and deleting to platform admins', async () => {
    const area = await newArea('Guarded');
    for (const client of [suite.officer, await suite.server.newResident()]) {
      expect((await client.post(`/api/areas/${area.slug}/archive`)).status).toBe(403);
      expect((await client.delete(`/api/areas/${area.slug}`)).status).toBe(403);
    }
    expect((await suite.server.client().post(`/api/areas/${area.slug}/archive`)).status).toBe(401);
  });
});

describe('archived areas on the embedded database (PGlite)', () => {
  const suite = useTestServer({ db: 'pglite' });

  it('refuses new quests there too, naming the area', async () => {
    const admin = await suite.server.login(DEMO.admin);
    expect((await admin.post('/api/areas/oakfield/archive')).status).toBe(200);
    const res = await admin.post<ErrorBody>('/api/areas/oakfield/quests', questBody());
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/^area "Oakfield" is archived/);
    expect((await admin.post('/api/areas/oakfield/restore')).status).toBe(200);
    expect((await admin.post('/api/areas/oakfield/quests', questBody())).status).toBe(201);
  });
});
