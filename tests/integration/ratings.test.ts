/**
 * Ratings of a completed quest: rating twice updates the one rating, people with no tie
 * to the area cannot rate, a live quest nobody completed cannot be rated, and the averages
 * (per quest, per main superpower, overall) are right in open data.
 */
import { describe, expect, it } from 'vitest';
import type { AreaRatings, QuestRatings } from '@govcraft/shared';
import { TestClient } from '../support/client';
import { uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';
import { createQuest, query } from './evidence-fixtures';

describe('quest ratings', () => {
  const suite = useTestServer({ officer: true });

  async function closedQuest(superpowers: string[]) {
    const quest = await createQuest(suite.officer, { superpowers });
    const moved = await suite.officer.post(`/api/quests/${quest.id}/transition`, { to: 'closed' });
    expect(moved.status).toBe(200);
    return quest.id;
  }

  const rate = (client: TestClient, questId: string, stars: number, comment?: string) =>
    client.request<QuestRatings>('PUT', `/api/quests/${questId}/rating`, { stars, comment });

  it('updates the one rating when a resident rates twice', async () => {
    const questId = await closedQuest(['social_fabric']);
    const resident = await suite.server.newResident();
    const first = await rate(resident, questId, 2, 'The benches are still sticky.');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ count: 1, average: 2, mine: { stars: 2 } });
    const second = await rate(resident, questId, 5, 'Cleaned again, lovely now.');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      count: 1,
      average: 5,
      mine: { stars: 5, comment: 'Cleaned again, lovely now.' },
    });
    const rows = await query<{ n: string }>(
      suite.server,
      'select count(*) as n from quest_ratings where quest_id = $1 and user_id = $2',
      [questId, resident.userId],
    );
    expect(Number(rows[0]!.n)).toBe(1);
  });

  it('refuses people who neither took part nor belong to the area, and anonymous callers', async () => {
    const questId = await closedQuest(['social_fabric']);
    const outsider = new TestClient(suite.server.url);
    const registered = await outsider.post<{ id: string }>('/api/auth/register', {
      displayName: 'Outsider',
      email: `outsider-${uniqueSuffix()}@example.test`,
      password: 'correct-horse-battery',
    });
    expect(registered.status).toBe(201);
    const refused = await rate(outsider, questId, 1);
    expect(refused.status).toBe(403);
    const view = await outsider.get<QuestRatings>(`/api/quests/${questId}/ratings`);
    expect(view.body).toMatchObject({ canRate: false, count: 0 });
    expect((await rate(suite.server.client(), questId, 3)).status).toBe(401);
  });

  it('refuses a rating of a live quest nobody has completed, and stars outside 1–5', async () => {
    const quest = await createQuest(suite.officer);
    const resident = await suite.server.newResident();
    expect((await rate(resident, quest.id, 4)).status).toBe(409);
    const closedId = await closedQuest(['epic_meaning']);
    const bad = await rate(resident, closedId, 6);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('stars');
  });

  it('averages per quest, per main superpower and overall in open data', async () => {
    const a = await closedQuest(['urgent_optimism', 'social_fabric']);
    const b = await closedQuest(['urgent_optimism']);
    const [r1, r2, r3] = await Promise.all([
      suite.server.newResident(),
      suite.server.newResident(),
      suite.server.newResident(),
    ]);
    for (const [client, questId, stars] of [
      [r1, a, 4],
      [r2, a, 5],
      [r3, a, 3],
      [r1, b, 1],
    ] as const)
      expect((await rate(client, questId, stars)).status).toBe(200);

    const res = await suite.server
      .client()
      .get<AreaRatings>('/api/open-data/areas/oakfield/ratings.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const byQuest = new Map(res.body.byQuest.map((q) => [q.questId, q]));
    expect(byQuest.get(a)).toMatchObject({ count: 3, average: 4 });
    expect(byQuest.get(b)).toMatchObject({ count: 1, average: 1 });
    expect(res.body.bySuperpower.urgent_optimism).toEqual({ count: 4, average: 3.25 });
    expect(JSON.stringify(res.body)).not.toContain(r1.userId);
    expect(JSON.stringify(res.body)).not.toContain('comment');
  });
});
