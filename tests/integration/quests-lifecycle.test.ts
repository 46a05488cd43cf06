import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';
import { QUEST_STATUSES, canTransition, type Quest, type QuestStatus } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import { createQuest, questBody, type ErrorBody } from './quest-helpers';

describe('quests: officers create, edit and move quests', () => {
  const suite = useTestServer({ officer: true });
  let resident: TestClient & { userId: string };
  beforeAll(async () => {
    resident = await suite.server.newResident('Quest Resident');
  });

  it('creates a draft with an audit row, hidden from the public until published', async () => {
    const quest = await createQuest(suite.officer);
    expect(quest).toMatchObject({ status: 'draft', completions: 0, xp: 60, teamSize: null });
    const audit = await suite.server.handle.services.audit.forEntity('quest', quest.id);
    expect(audit.map((a) => a.action)).toEqual(['quest.create']);
    expect((await suite.server.client().get(`/api/quests/${quest.id}`)).status).toBe(404);
    expect((await suite.officer.get(`/api/quests/${quest.id}`)).status).toBe(200);

    const published = await suite.officer.post<Quest>(`/api/quests/${quest.id}/transition`, {
      to: 'published',
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const seen = await suite.server.client().get<Quest>(`/api/quests/${quest.id}`);
    expect(seen.body.id).toBe(quest.id);
  });

  it('publishes straight to active when the start has passed', async () => {
    const quest = await createQuest(suite.officer, { publish: true });
    expect(quest.status).toBe('active');
    const actions = (await suite.server.handle.services.audit.forEntity('quest', quest.id))
      .map((a) => a.action)
      .reverse();
    expect(actions).toEqual(['quest.create', 'quest.published', 'quest.active']);
  });

  it.each([
    ['location outside the area', { location: { lat: 51.5, lng: -0.12, radiusM: 50 } }, 'location'],
    ['endsAt before startsAt', { endsAt: new Date(Date.now() - 7200_000).toISOString() }, 'endsAt'],
    ['XP below the range', { xp: 1 }, 'xp'],
    ['XP above the range', { xp: 100_000 }, 'xp'],
    ['an unknown superpower', { superpowers: ['flying'] }, 'superpowers'],
    [
      'five superpowers',
      {
        superpowers: [
          'urgent_optimism',
          'social_fabric',
          'blissful_productivity',
          'epic_meaning',
          'urgent_optimism',
        ],
      },
      'superpowers',
    ],
    ['no evidence asked', { evidenceRules: {} }, 'evidenceRules'],
    [
      'a radius too small',
      { location: { lat: 52.63, lng: -1.139, radiusM: 1 } },
      'location.radiusM',
    ],
  ])('refuses %s with 400 naming the field', async (_name, overrides, field) => {
    const res = await suite.officer.post<ErrorBody>(
      '/api/areas/oakfield/quests',
      questBody(overrides),
    );
    expect(res.status).toBe(400);
    expect(res.body.issues?.map((i) => i.path).some((p) => p.startsWith(field))).toBe(true);
  });

  it('refuses an edit that would end the quest before it starts (400 endsAt)', async () => {
    const quest = await createQuest(suite.officer);
    const res = await suite.officer.patch<ErrorBody>(`/api/quests/${quest.id}`, {
      endsAt: new Date(Date.parse(quest.startsAt) - 60_000).toISOString(),
    });
    expect(res.status).toBe(400);
    expect(res.body.issues?.[0]?.path).toBe('endsAt');
  });

  it('edits fields, audit-logging before and after', async () => {
    const quest = await createQuest(suite.officer);
    const res = await suite.officer.patch<Quest>(`/api/quests/${quest.id}`, {
      xp: 200,
      title: 'A new title',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ xp: 200, title: 'A new title' });
    const [latest] = await suite.server.handle.services.audit.forEntity('quest', quest.id);
    expect(latest).toMatchObject({
      action: 'quest.update',
      before: { xp: 60 },
      after: { xp: 200, title: 'A new title' },
    });
  });

  it('refuses residents: they cannot create, edit or move quests (403)', async () => {
    const quest = await createQuest(suite.officer);
    const create = await resident.post<ErrorBody>('/api/areas/oakfield/quests', questBody());
    const edit = await resident.patch<ErrorBody>(`/api/quests/${quest.id}`, { xp: 999 });
    const move = await resident.post<ErrorBody>(`/api/quests/${quest.id}/transition`, {
      to: 'published',
    });
    expect([create.status, edit.status, move.status]).toEqual([403, 403, 403]);
    expect((await suite.officer.get<Quest>(`/api/quests/${quest.id}`)).body.xp).toBe(60);
  });

  it('answers every illegal move with 409 naming both states, and allows the legal ones', async () => {
    const byStatus = await questsInEveryStatus();
    for (const from of QUEST_STATUSES) {
      const quest = byStatus[from];
      expect(quest.status).toBe(from);
      for (const to of QUEST_STATUSES.filter((t) => !canTransition(from, t))) {
        const res = await suite.officer.post<ErrorBody>(`/api/quests/${quest.id}/transition`, {
          to,
        });
        expect(res.status, `${from} → ${to}`).toBe(409);
        expect(res.body.error).toBe('illegal_transition');
        expect(res.body.message).toContain(`from ${from} to ${to}`);
      }
      const now = await suite.officer.get<Quest>(`/api/quests/${quest.id}`);
      expect(now.body.status, 'a refused move changes nothing').toBe(from);
    }
  });

  it('refuses an unknown target status with 400 naming `to`', async () => {
    const quest = await createQuest(suite.officer);
    const res = await suite.officer.post<ErrorBody>(`/api/quests/${quest.id}/transition`, {
      to: 'finished',
    });
    expect(res.status).toBe(400);
    expect(res.body.issues?.[0]?.path).toBe('to');
  });

  /** A live quest completed (as the evidence feature records it), then reopened by the officer. */
  async function reopenedQuest(): Promise<Quest> {
    const quest = await createQuest(suite.officer, { publish: true });
    const joined = await resident.post<{ id: string }>(`/api/quests/${quest.id}/join`, {});
    const { infra, services } = suite.server.handle;
    await services.quests.setParticipationStatus(infra.db, joined.body.id, 'completed');
    const res = await suite.officer.post<Quest>(`/api/quests/${quest.id}/reopen`, {
      reason: 'The garden is overgrown again.',
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  /** One quest in each status, each reached by legal moves only. */
  async function questsInEveryStatus(): Promise<Record<QuestStatus, Quest>> {
    const move = async (q: Quest, to: QuestStatus) => {
      const res = await suite.officer.post<Quest>(`/api/quests/${q.id}/transition`, { to });
      expect(res.status, `${q.status} → ${to}`).toBe(200);
      return res.body;
    };
    const propose = async () => {
      const { xp: _xp, ...proposal } = questBody();
      const res = await resident.post<Quest>('/api/areas/oakfield/proposals', proposal);
      expect(res.status).toBe(201);
      return res.body;
    };
    const proposed = await propose();
    const toReject = await propose();
    const rejected = await suite.officer.post<Quest>(`/api/quests/${toReject.id}/reject`, {
      reason: 'Already covered by another quest.',
    });
    const draft = await createQuest(suite.officer);
    const published = await createQuest(suite.officer, {
      startsAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      publish: true,
    });
    const active = await createQuest(suite.officer, { publish: true });
    const closed = await move(await createQuest(suite.officer, { publish: true }), 'closed');
    const archived = await move(
      await move(await createQuest(suite.officer, { publish: true }), 'closed'),
      'archived',
    );
    const reopened = await reopenedQuest();
    return {
      proposed,
      rejected: rejected.body,
      draft,
      published,
      active,
      closed,
      archived,
      reopened,
    };
  }
});
