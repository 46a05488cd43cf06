/** Storylines: communal progress from verified completions; each chapter unlocks once. */
import { describe, expect, it } from 'vitest';
import type { Participation, QuestPage, Storyline } from '@govcraft/shared';
import { uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';
import { nextEvent, useAreaSocket } from './realtime-helpers';
import { createQuest, type ErrorBody } from './quest-helpers';

const storylineBody = () => ({
  title: `The Canal Path ${uniqueSuffix()}`,
  narrative: 'The old towpath could link the whole neighbourhood again.',
  goal: 3,
  chapters: [
    { title: 'Prologue', threshold: 0, narrative: 'A few neighbours walk the path together.' },
    { title: 'Halfway', threshold: 2, narrative: 'The brambles are gone from the first half.' },
    { title: 'Open', threshold: 3, narrative: 'The whole path is open from end to end.' },
  ],
});

describe('storylines', () => {
  const suite = useTestServer({ officer: true });
  const area = useAreaSocket(suite);

  /** What the evidence feature does on a verified decision, through the real services. */
  async function verifyCompletion(questId: string, participation: Participation) {
    const { infra, services } = suite.server.handle;
    await services.quests.setParticipationStatus(infra.db, participation.id, 'completed');
    await infra.events.publish('evidence.decided', [
      {
        evidenceId: crypto.randomUUID(),
        questId,
        areaId: (await services.quests.get(questId)).areaId,
        userId: participation.userId,
        status: 'verified',
      },
    ]);
  }

  it('seeds the demo with The Green Mile, its prologue open and the rest locked', async () => {
    const list = await suite.server
      .client()
      .get<{ items: Storyline[] }>('/api/areas/oakfield/storylines');
    const green = list.body.items.find((s) => s.title === 'The Green Mile');
    expect(green?.chapters.map((c) => c.unlocked)).toEqual([true, false, false, false]);
    const map = await suite.server.client().get<QuestPage>('/api/areas/oakfield/quests?limit=500');
    const seeded = map.body.items.filter((q) => q.storylineId === green?.id);
    expect(seeded.length).toBeGreaterThanOrEqual(3);
    const demo = map.body.items.filter((q) => q.title !== 'Tidy the library garden');
    const count = (status: string) => demo.filter((q) => q.status === status).length;
    expect(count('active')).toBeGreaterThanOrEqual(10);
    expect(count('published')).toBe(2);
    expect(demo.filter((q) => q.teamSize !== null)).toHaveLength(1);
  });

  it('shows locked chapters by title and threshold only', async () => {
    const created = await suite.officer.post<Storyline>(
      '/api/areas/oakfield/storylines',
      storylineBody(),
    );
    expect(created.status).toBe(201);
    const seen = await suite.server.client().get<Storyline>(`/api/storylines/${created.body.id}`);
    expect(seen.body.completed).toBe(0);
    expect(seen.body.chapters.map((c) => [c.title, c.threshold, c.unlocked, c.narrative])).toEqual([
      ['Prologue', 0, true, 'A few neighbours walk the path together.'],
      ['Halfway', 2, false, null],
      ['Open', 3, false, null],
    ]);
  });

  it('unlocks each chapter once as verified completions cross its threshold', async () => {
    const storyline = (
      await suite.officer.post<Storyline>('/api/areas/oakfield/storylines', storylineBody())
    ).body;
    const quest = await createQuest(suite.officer, { publish: true, storylineId: storyline.id });
    const residents = await Promise.all([1, 2, 3].map(() => suite.server.newResident()));
    const joined = await Promise.all(
      residents.map(
        async (r) => (await r.post<Participation>(`/api/quests/${quest.id}/join`)).body,
      ),
    );
    const mine = (e: { storylineId: string }) => e.storylineId === storyline.id;

    let event = nextEvent(area.socket, 'storyline:progress', mine);
    await verifyCompletion(quest.id, joined[0]!);
    expect(await event).toMatchObject({ completed: 1, goal: 3, unlockedChapter: null });

    event = nextEvent(area.socket, 'storyline:progress', mine);
    await verifyCompletion(quest.id, joined[1]!);
    expect(await event).toMatchObject({
      completed: 2,
      unlockedChapter: { position: 2, title: 'Halfway' },
    });
    const halfway = (await suite.server.client().get<Storyline>(`/api/storylines/${storyline.id}`))
      .body.chapters[1]!;
    expect(halfway.narrative).toBe('The brambles are gone from the first half.');

    // The same decision delivered twice must not celebrate the chapter again.
    event = nextEvent(area.socket, 'storyline:progress', mine);
    await verifyCompletion(quest.id, joined[1]!);
    expect(await event).toMatchObject({ completed: 2, unlockedChapter: null });

    event = nextEvent(area.socket, 'storyline:progress', mine);
    await verifyCompletion(quest.id, joined[2]!);
    expect(await event).toMatchObject({ completed: 3, unlockedChapter: { position: 3 } });
    const after = (await suite.server.client().get<Storyline>(`/api/storylines/${storyline.id}`))
      .body;
    expect(after.completed).toBe(3);
    expect(after.chapters[1]!.unlockedAt).toBe(halfway.unlockedAt);
    expect((await suite.server.client().get(`/api/quests/${quest.id}`)).body).toMatchObject({
      completions: 3,
    });
  });

  it('refuses chapters out of order (400 naming the threshold) and residents (403)', async () => {
    const body = storylineBody();
    body.chapters[2]!.threshold = 1;
    const res = await suite.officer.post<ErrorBody>('/api/areas/oakfield/storylines', body);
    expect(res.status).toBe(400);
    expect(res.body.issues?.map((i) => i.path)).toEqual(['chapters.2.threshold']);
    const resident = await suite.server.newResident();
    expect((await resident.post('/api/areas/oakfield/storylines', storylineBody())).status).toBe(
      403,
    );
  });

  it('refuses a quest tied to a storyline that does not exist (400 storylineId)', async () => {
    const res = await suite.officer.post<ErrorBody>('/api/areas/oakfield/quests', {
      ...(await createQuest(suite.officer)),
      storylineId: crypto.randomUUID(),
    });
    expect(res.status).toBe(400);
    expect(res.body.issues?.map((i) => i.path)).toEqual(['storylineId']);
  });
});
