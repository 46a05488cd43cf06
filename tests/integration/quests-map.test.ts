/** The map query: bbox edges are inclusive, keyset pages have no duplicates and no gaps. */
import { beforeAll, describe, expect, it } from 'vitest';
import { bboxContains, type Quest, type QuestPage, type Superpower } from '@govcraft/shared';
import { DEMO, uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';
import type { TestClient, TestResponse } from '../support/client';
import { createQuest, type ErrorBody } from './quest-helpers';

const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 50],
      [0.01, 50],
      [0.01, 50.01],
      [0, 50.01],
      [0, 50],
    ],
  ],
};
const grid = (i: number) => Number((0.001 + 0.002 * i).toFixed(3));
const POWERS: Superpower[] = ['urgent_optimism', 'social_fabric', 'epic_meaning'];

describe('quest map query', () => {
  const suite = useTestServer();
  let admin: TestClient;
  let slug: string;
  const quests: Quest[] = [];

  const at = (lng: number, lat: number, extra: Record<string, unknown> = {}) =>
    createQuest(admin, { location: { lng, lat, radiusM: 20 }, publish: true, ...extra }, slug);

  /** Every page of a query, following nextCursor until it is null. */
  async function allPages(query: string, limit: number) {
    const pages: QuestPage[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor ? `&cursor=${cursor}` : '';
      const res: TestResponse<QuestPage> = await suite.server
        .client()
        .get<QuestPage>(`/api/areas/${slug}/quests?${query}&limit=${limit}${after}`);
      expect(res.status).toBe(200);
      pages.push(res.body);
      cursor = res.body.nextCursor;
    } while (cursor && pages.length < 100);
    return pages;
  }

  beforeAll(async () => {
    admin = await suite.server.login(DEMO.admin);
    slug = `square-${uniqueSuffix()}`;
    const area = await admin.post('/api/areas', {
      name: 'Square',
      slug,
      timezone: 'Europe/London',
      boundary: SQUARE,
    });
    expect(area.status).toBe(201);
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        quests.push(await at(grid(i), 50 + grid(j), { superpowers: [POWERS[(i + j) % 3]] }));
      }
    }
    // Same spot three times: the id breaks the tie between equal (lng, lat).
    quests.push(await at(0.005, 50.005), await at(0.005, 50.005));
  });

  it('returns exactly the quests inside the bbox, edges included, across pages', async () => {
    const bbox = [0.003, 50.003, 0.007, 50.007] as const;
    const expected = quests
      .filter((q) => bboxContains(bbox, q.location))
      .map((q) => q.id)
      .sort();
    expect(expected).toHaveLength(11);
    const pages = await allPages(`bbox=${bbox.join(',')}`, 2);
    const ids = pages.flatMap((p) => p.items.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(expected);
    expect(pages).toHaveLength(6);
    expect(pages.slice(0, -1).every((p) => p.items.length === 2)).toBe(true);
  });

  it('gives the same answer whatever the page size', async () => {
    const bbox = 'bbox=0,50,0.01,50.01';
    const one = (await allPages(bbox, 1)).flatMap((p) => p.items.map((q) => q.id));
    const big = (await allPages(bbox, 500)).flatMap((p) => p.items.map((q) => q.id));
    expect(one).toEqual(big);
    expect(one).toHaveLength(quests.length);
  });

  it('accepts a quest on the very edge of the area and finds it at the bbox edge', async () => {
    const edge = await at(0.01, 50.005);
    const page = await suite.server
      .client()
      .get<QuestPage>(`/api/areas/${slug}/quests?bbox=0.01,50.005,0.01,50.005`);
    expect(page.body.items.map((q) => q.id)).toEqual([edge.id]);
    const outside = await admin.post<ErrorBody>(`/api/areas/${slug}/quests`, {
      ...edge,
      location: { lng: 0.0100001, lat: 50.005, radiusM: 20 },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.issues?.map((i) => i.path)).toEqual(['location']);
    // Retire it so the other tests see only the grid, whatever order they run in.
    await admin.post(`/api/quests/${edge.id}/transition`, { to: 'closed' });
    const archived = await admin.post<Quest>(`/api/quests/${edge.id}/transition`, {
      to: 'archived',
    });
    expect(archived.body.status).toBe('archived');
  });

  it('filters by superpower', async () => {
    const page = await suite.server
      .client()
      .get<QuestPage>(`/api/areas/${slug}/quests?superpower=social_fabric&limit=500`);
    const expected = quests.filter((q) => q.superpowers.includes('social_fabric')).length;
    expect(page.body.items).toHaveLength(expected);
    expect(page.body.items.every((q) => q.superpowers.includes('social_fabric'))).toBe(true);
  });

  it('hides drafts from the public; officers see them when they ask by status', async () => {
    const draft = await at(0.002, 50.002, { publish: false });
    const publicIds = (await allPages('bbox=0,50,0.01,50.01', 500)).flatMap((p) =>
      p.items.map((q) => q.id),
    );
    expect(publicIds).not.toContain(draft.id);
    expect((await suite.server.client().get(`/api/areas/${slug}/quests?status=draft`)).status).toBe(
      401,
    );
    const resident = await suite.server.newResident();
    expect((await resident.get(`/api/areas/${slug}/quests?status=draft`)).status).toBe(403);
    const drafts = await admin.get<QuestPage>(`/api/areas/${slug}/quests?status=draft`);
    expect(drafts.body.items.map((q) => q.id)).toEqual([draft.id]);
    const manage = await admin.get<QuestPage>(`/api/areas/${slug}/quests/manage?status=draft`);
    expect(manage.body.items.map((q) => q.id)).toEqual([draft.id]);
  });

  it.each([
    ['bbox=1,2,3', 'query.bbox'],
    ['bbox=0.01,50,0,50.01', 'query.bbox'],
    ['superpower=flying', 'query.superpower'],
    ['cursor=not-a-cursor', 'query.cursor'],
    ['limit=0', 'query.limit'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await suite.server.client().get<ErrorBody>(`/api/areas/${slug}/quests?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.issues?.map((i) => i.path)).toEqual([field]);
  });
});
