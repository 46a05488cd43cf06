/** Residents propose quests, officers decide; residents join and leave quests. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeResponse, MyQuest, Participation, Quest, QuestPage } from '@govcraft/shared';
import { uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';
import type { TestClient } from '../support/client';
import { createQuest, questBody, type ErrorBody } from './quest-helpers';

const proposalBody = () => {
  const { xp: _xp, ...rest } = questBody({ title: `Fix the bench ${uniqueSuffix()}` });
  return rest;
};

describe('proposals', () => {
  const suite = useTestServer({ officer: true });
  let proposer: TestClient & { userId: string };
  let neighbour: TestClient & { userId: string };
  beforeAll(async () => {
    proposer = await suite.server.newResident('Proposer');
    neighbour = await suite.server.newResident('Neighbour');
  });

  const propose = async () => {
    const res = await proposer.post<Quest>('/api/areas/oakfield/proposals', proposalBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'proposed', proposedBy: proposer.userId });
    return res.body;
  };

  it('waits for an officer, visible to the proposer and officers only', async () => {
    const quest = await propose();
    const queue = await suite.officer.get<QuestPage>('/api/areas/oakfield/proposals');
    expect(queue.body.items.map((q) => q.id)).toContain(quest.id);
    expect((await proposer.get(`/api/quests/${quest.id}`)).status).toBe(200);
    expect((await neighbour.get(`/api/quests/${quest.id}`)).status).toBe(404);
    expect((await neighbour.get('/api/areas/oakfield/proposals')).status).toBe(403);
    const map = await suite.server.client().get<QuestPage>('/api/areas/oakfield/quests?limit=500');
    expect(map.body.items.map((q) => q.id)).not.toContain(quest.id);
  });

  it('approves into a draft the officer can finish, or straight onto the map', async () => {
    const asDraft = await propose();
    const draft = await suite.officer.post<Quest>(`/api/quests/${asDraft.id}/approve`, {});
    expect(draft.body.status).toBe('draft');
    const published = await suite.officer.post<Quest>(
      `/api/quests/${(await propose()).id}/approve`,
      {
        publish: true,
      },
    );
    expect(published.body.status).toBe('active');
    const again = await suite.officer.post<ErrorBody>(`/api/quests/${asDraft.id}/approve`, {});
    expect(again.status).toBe(409);
    const audit = await suite.server.handle.services.audit.forEntity('quest', asDraft.id);
    expect(audit.map((a) => a.action).reverse()).toEqual(['quest.propose', 'quest.draft']);
  });

  it('rejects with a reason the proposer reads', async () => {
    const quest = await propose();
    const reason = 'The bench belongs to the church; please ask them first.';
    const res = await suite.officer.post<Quest>(`/api/quests/${quest.id}/reject`, { reason });
    expect(res.status).toBe(200);
    const seen = await proposer.get<Quest>(`/api/quests/${quest.id}`);
    expect(seen.body).toMatchObject({ status: 'rejected', rejectionReason: reason });
    const short = await suite.officer.post<ErrorBody>(
      `/api/quests/${(await propose()).id}/reject`,
      {
        reason: '',
      },
    );
    expect(short.status).toBe(400);
    expect(short.body.issues?.[0]?.path).toBe('reason');
  });

  it('refuses a proposal outside the area (400 location) and residents deciding (403)', async () => {
    const outside = await proposer.post<ErrorBody>('/api/areas/oakfield/proposals', {
      ...proposalBody(),
      location: { lat: 51.5, lng: -0.12, radiusM: 50 },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.issues?.map((i) => i.path)).toEqual(['location']);
    const quest = await propose();
    expect((await neighbour.post(`/api/quests/${quest.id}/approve`, {})).status).toBe(403);
    expect((await proposer.post(`/api/quests/${quest.id}/approve`, {})).status).toBe(403);
  });
});

describe('joining and leaving quests', () => {
  const suite = useTestServer({ officer: true });

  it('joins, lists in my quests, leaves, and re-joins', async () => {
    const quest = await createQuest(suite.officer, { publish: true });
    const resident = await suite.server.newResident();
    const joined = await resident.post<Participation>(`/api/quests/${quest.id}/join`);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ questId: quest.id, status: 'joined', teamId: null });
    const twice = await resident.post<Participation>(`/api/quests/${quest.id}/join`);
    expect(twice.body.id).toBe(joined.body.id);

    const mine = await resident.get<{ items: MyQuest[] }>('/api/me/quests');
    expect(mine.body.items.map((i) => [i.quest.id, i.participation.status])).toEqual([
      [quest.id, 'joined'],
    ]);
    const left = await resident.post<Participation>(`/api/quests/${quest.id}/leave`);
    expect(left.body.status).toBe('left');
    expect((await resident.get<{ items: MyQuest[] }>('/api/me/quests')).body.items).toEqual([]);
    const back = await resident.post<Participation>(`/api/quests/${quest.id}/join`);
    expect(back.body).toMatchObject({ id: joined.body.id, status: 'joined' });
  });

  it('cannot leave after sending evidence (409)', async () => {
    const quest = await createQuest(suite.officer, { publish: true });
    const resident = await suite.server.newResident();
    const joined = await resident.post<Participation>(`/api/quests/${quest.id}/join`);
    const { quests } = suite.server.handle.services;
    await quests.setParticipationStatus(suite.server.handle.infra.db, joined.body.id, 'submitted');
    const res = await resident.post<ErrorBody>(`/api/quests/${quest.id}/leave`);
    expect(res.status).toBe(409);
    expect(await quests.participationFor(quest.id, resident.userId)).toMatchObject({
      status: 'submitted',
    });
  });

  it('only joins published or active quests', async () => {
    const draft = await createQuest(suite.officer);
    const resident = await suite.server.newResident();
    const res = await resident.post<ErrorBody>(`/api/quests/${draft.id}/join`);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('draft');
    expect((await resident.post(`/api/quests/${draft.id}/leave`)).status).toBe(404);
  });

  it('makes a newcomer a resident of the area on joining', async () => {
    const quest = await createQuest(suite.officer, { publish: true });
    const newcomer = suite.server.client();
    const email = `n-${uniqueSuffix()}@example.test`;
    await newcomer.post('/api/auth/register', {
      displayName: 'Newcomer',
      email,
      password: 'correct-horse-battery',
    });
    expect((await newcomer.post(`/api/quests/${quest.id}/join`)).status).toBe(200);
    const me = await newcomer.get<MeResponse>('/api/me');
    expect(me.body.memberships.map((m) => [m.slug, m.role])).toEqual([['oakfield', 'resident']]);
  });

  it('needs a team of at least the team size for a team quest', async () => {
    const quest = await createQuest(suite.officer, { publish: true, teamSize: 2 });
    const captain = await suite.server.newResident('Captain');
    const alone = await captain.post<ErrorBody>(`/api/quests/${quest.id}/join`);
    expect(alone.status).toBe(409);
    expect(alone.body.message).toMatch(/team/);

    const team = await captain.post<{ id: string; inviteCode: string }>(
      '/api/areas/oakfield/teams',
      { name: `Pond Crew ${uniqueSuffix()}` },
    );
    expect(team.status).toBe(201);
    const tooSmall = await captain.post<ErrorBody>(`/api/quests/${quest.id}/join`);
    expect(tooSmall.status).toBe(409);
    expect(tooSmall.body.message).toContain('team of 2');

    const mate = await suite.server.newResident('Mate');
    expect((await mate.post('/api/teams/join', { code: team.body.inviteCode })).status).toBe(200);
    const joined = await captain.post<Participation>(`/api/quests/${quest.id}/join`);
    expect(joined.status).toBe(200);
    expect(joined.body.teamId).toBe(team.body.id);
  });
});
