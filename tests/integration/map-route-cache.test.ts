import { describe, expect, it } from 'vitest';
import type { MapQuestPage, QuestPage } from '@govcraft/shared';
import { DEMO } from '../support/harness';
import { useTestServer } from '../support/use-server';

const MAP = '/api/areas/oakfield/quests/map';
const LIST = '/api/areas/oakfield/quests';
const MAP_FIELDS = [
  'endsAt',
  'id',
  'location',
  'startsAt',
  'status',
  'superpowers',
  'teamSize',
  'title',
  'xp',
];

/**
 * A revalidation as a browser sends it. Without an explicit Cache-Control, fetch adds
 * `no-cache` to any request carrying If-None-Match, which forbids a 304.
 */
const revalidate = (etag: string) => ({ 'if-none-match': etag, 'cache-control': 'max-age=0' });

describe('map route caching', () => {
  const suite = useTestServer();

  it('gives visitors the map fields only, the same quests in the same order as listQuests', async () => {
    const visitor = suite.server.client();
    const [map, list] = [await visitor.get<MapQuestPage>(MAP), await visitor.get<QuestPage>(LIST)];
    expect(map.status).toBe(200);
    expect(map.body.items.length).toBeGreaterThan(0);
    for (const item of map.body.items) expect(Object.keys(item).sort()).toEqual(MAP_FIELDS);
    expect(map.body.items.map((q) => q.id)).toEqual(list.body.items.map((q) => q.id));
  });

  it.each([MAP, LIST])(
    'lets browsers and CDNs share %s for visitors and revalidate it',
    async (path) => {
      const visitor = suite.server.client();
      const first = await visitor.get(path);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
      expect(first.headers.getSetCookie()).toEqual([]);
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();

      const again = await visitor.get(path, revalidate(etag!));
      expect(again.status).toBe(304);
      expect(again.body).toBe('');

      const stale = await visitor.get(path, revalidate('W/"not-the-current-bytes"'));
      expect(stale.status).toBe(200);
      expect(stale.headers.get('etag')).toBe(etag);
    },
  );

  it('gives a different ETag for different bytes', async () => {
    const visitor = suite.server.client();
    const all = await visitor.get(MAP);
    const one = await visitor.get(`${MAP}?limit=1`);
    expect(one.headers.get('etag')).not.toBe(all.headers.get('etag'));
    const old = await visitor.get(`${MAP}?limit=1`, revalidate(all.headers.get('etag')!));
    expect(old.status).toBe(200);
  });

  it.each([MAP, LIST])('never marks a signed-in read of %s as public', async (path) => {
    const officer = await suite.server.login(DEMO.officer);
    const res = await officer.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it("keeps an officer's hidden statuses private and refuses them to visitors uncached", async () => {
    const officer = await suite.server.login(DEMO.officer);
    const drafts = await officer.get<MapQuestPage>(`${MAP}?status=draft`);
    expect(drafts.status).toBe(200);
    expect(drafts.headers.get('cache-control')).toBe('no-store');

    const visitor = await suite.server.client().get(`${MAP}?status=draft`);
    expect(visitor.status).toBe(401);
    expect(visitor.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });

  it('still starts a session for a visitor who signs in after reading the map', async () => {
    const visitor = suite.server.client();
    await visitor.get(MAP);
    const login = await visitor.post('/api/auth/login', {
      email: DEMO.amara,
      password: 'oakfield-demo-2026',
    });
    expect(login.status).toBe(200);
    const after = await visitor.get(MAP);
    expect(after.headers.get('cache-control')).toBe('no-store');
  });
});
