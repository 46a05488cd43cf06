import { describe, expect, it, vi } from 'vitest';
import {
  computeBudgetResults,
  type BudgetResults,
  type BudgetRound,
  type BudgetRoundView,
  type MyBallot,
  type Quest,
} from '@govcraft/shared';
import { loadDemoMap } from '@govcraft/server/seed/seed';
import { DEMO, uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';
import {
  PARK_SPOT,
  decide,
  openRound,
  propose,
  roundDates,
  roundInVoting,
  untilPhase,
  type ErrorBody,
} from './budgets-helpers';

describe('participatory budgets', () => {
  const suite = useTestServer({ officer: true });

  const vote = (
    client: { put: <T>(p: string, b: unknown) => Promise<{ status: number; body: T }> },
    roundId: string,
    projectIds: string[],
  ) => client.put<MyBallot & ErrorBody>(`/api/budgets/${roundId}/ballot`, { projectIds });

  it('runs a round from opening to results on schedule, funded projects becoming draft quests', async () => {
    const { server, officer } = suite;
    const [amara, ben, cleo] = [
      await server.newResident(),
      await server.newResident(),
      await server.newResident(),
    ];
    // Short phases so the real delayed jobs move the round while the test waits.
    const round = await openRound(officer, {
      amountPence: 100_000,
      ...roundDates([4_000, 8_000, 12_000]),
    });
    const a = await propose(amara, round.id, 'Pond benches', 60_000);
    const b = await propose(ben, round.id, 'Path lights', 50_000);
    const c = await propose(amara, round.id, 'Bird boxes', 30_000);
    const d = await propose(ben, round.id, 'Gold statue', 90_000);

    await untilPhase(officer, round.id, 'feasibility');
    const late = await amara.post<ErrorBody>(`/api/budgets/${round.id}/projects`, {
      title: 'Too late',
      description: 'Proposed after the proposals phase ended.',
      costPence: 1_000,
      location: PARK_SPOT,
    });
    expect(late.status).toBe(409);
    await Promise.all([decide(officer, a.id), decide(officer, b.id), decide(officer, c.id)]);
    await decide(officer, d.id, false);

    await untilPhase(officer, round.id, 'voting');
    expect((await vote(amara, round.id, [a.id, c.id])).status).toBe(200);
    expect((await vote(ben, round.id, [a.id])).status).toBe(200);
    expect((await vote(cleo, round.id, [b.id, c.id])).status).toBe(200);
    const notFeasible = await vote(cleo, round.id, [d.id]);
    expect(notFeasible.status).toBe(400);

    await untilPhase(officer, round.id, 'results');
    const results = await server
      .client()
      .get<BudgetResults>(`/api/open-data/budgets/${round.id}/results.json`);
    expect(results.status).toBe(200);
    expect(results.body.ballots).toBe(3);
    expect(results.body.method).toBe('greedy-by-votes');
    // a: 2 votes funded (60k), c: 2 votes funded (30k, cheaper first), b: 1 vote, 50k > 10k left.
    expect(
      Object.fromEntries(results.body.lines.map((l) => [l.title, [l.votes, l.funded]])),
    ).toEqual({ 'Pond benches': [2, true], 'Bird boxes': [2, true], 'Path lights': [1, false] });
    expect(results.body.allocatedPence).toBe(90_000);
    expect(results.body.remainingPence).toBe(10_000);
    expect(JSON.stringify(results.body)).not.toContain(amara.userId);

    // Reproducible: the published rule over the stored ballots gives the published totals.
    const ballots = await server.handle.services.budgets.anonymousBallots(round.id);
    const view = await officer.get<BudgetRoundView>(`/api/budgets/${round.id}`);
    const feasible = view.body.projects.filter((p) => p.feasible);
    const again = computeBudgetResults(round.amountPence, feasible, ballots);
    expect(again.lines.map((l) => [l.projectId, l.votes, l.funded]).sort()).toEqual(
      results.body.lines.map((l) => [l.projectId, l.votes, l.funded]).sort(),
    );
    expect(again.allocatedPence).toBe(results.body.allocatedPence);

    // Funded projects become draft quests (after the results commit), each linked to its project.
    await vi.waitFor(
      async () => {
        const now = await officer.get<BudgetRoundView>(`/api/budgets/${round.id}`);
        const funded = now.body.projects.filter((p) => p.funded);
        expect(funded).toHaveLength(2);
        for (const p of funded) {
          expect(p.questId).not.toBeNull();
          const quest = await officer.get<Quest>(`/api/quests/${p.questId}`);
          expect(quest.body.status).toBe('draft');
          expect(quest.body.title).toBe(p.title);
        }
      },
      { timeout: 10_000, interval: 100 },
    );
    expect((await vote(amara, round.id, [a.id])).status).toBe(409);
  });

  it('refuses a ballot over budget, naming the amount over', async () => {
    const resident = await suite.server.newResident();
    const { round, projects } = await roundInVoting(suite.officer, resident, [60_000, 45_050]);
    const res = await vote(
      resident,
      round.id,
      projects.map((p) => p.id),
    );
    expect(res.status).toBe(400);
    expect(res.body.issues?.[0]).toEqual({
      path: 'projectIds',
      message: 'this ballot is £50.50 over the budget; remove a project',
    });
    expect((await suite.server.handle.services.budgets.anonymousBallots(round.id)).length).toBe(0);
  });

  it('keeps min and max projects per round', async () => {
    const resident = await suite.server.newResident();
    const { round, projects } = await roundInVoting(
      suite.officer,
      resident,
      [10_000, 10_000, 10_000],
      {
        minProjects: 2,
        maxProjects: 2,
      },
    );
    const [p1, p2, p3] = projects.map((p) => p.id) as [string, string, string];
    expect((await vote(resident, round.id, [p1])).body.issues?.[0]?.message).toBe(
      'choose at least 2 projects',
    );
    expect((await vote(resident, round.id, [p1, p2, p3])).body.issues?.[0]?.message).toBe(
      'choose at most 2 projects',
    );
    expect((await vote(resident, round.id, [p1, p2])).status).toBe(200);
  });

  it('lets only verified residents of the area vote', async () => {
    const { server, officer } = suite;
    const proposer = await server.newResident();
    const { round, projects } = await roundInVoting(officer, proposer, [10_000]);

    // A resident of another area.
    const admin = await server.login(DEMO.admin);
    const slug = `elsewhere-${uniqueSuffix()}`;
    const area = await admin.post('/api/areas', {
      name: 'Elsewhere',
      slug,
      timezone: 'Europe/London',
      boundary: loadDemoMap().boundary,
    });
    expect(area.status).toBe(201);
    const outsider = server.client();
    const reg = await outsider.post<{ id: string }>('/api/auth/register', {
      displayName: 'Outsider',
      email: `o-${uniqueSuffix()}@example.test`,
      password: 'correct-horse-battery',
    });
    await server.handle.services.accounts.confirmEmailWithoutLink(reg.body.id);
    expect((await outsider.post(`/api/areas/${slug}/join`, {})).status).toBeLessThan(300);
    const refused = await vote(outsider, round.id, [projects[0]!.id]);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/only residents of this area/);

    // A resident of the area whose email is not confirmed.
    const unverified = server.client();
    await unverified.post('/api/auth/register', {
      displayName: 'Unconfirmed',
      email: `u-${uniqueSuffix()}@example.test`,
      password: 'correct-horse-battery',
    });
    expect((await unverified.post('/api/areas/oakfield/join', {})).status).toBeLessThan(300);
    const unconfirmed = await vote(unverified, round.id, [projects[0]!.id]);
    expect(unconfirmed.status).toBe(403);
    expect(unconfirmed.body.message).toMatch(/confirm your email/);

    expect((await server.handle.services.budgets.anonymousBallots(round.id)).length).toBe(0);
  });

  it('replaces a changed ballot (one row) and shows it only to its owner', async () => {
    const { server, officer } = suite;
    const voter = await server.newResident();
    const other = await server.newResident();
    const { round, projects } = await roundInVoting(officer, voter, [20_000, 30_000, 40_000]);
    const [p1, p2, p3] = projects.map((p) => p.id) as [string, string, string];

    expect((await vote(voter, round.id, [p1, p2])).body.totalPence).toBe(50_000);
    const changed = await vote(voter, round.id, [p3]);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ projectIds: [p3], totalPence: 40_000 });

    const mine = await voter.get<MyBallot>(`/api/budgets/${round.id}/ballot`);
    expect(mine.body.projectIds).toEqual([p3]);
    const theirs = await other.get<MyBallot>(`/api/budgets/${round.id}/ballot`);
    expect(theirs.body).toMatchObject({ projectIds: [], updatedAt: null });
    expect(await server.handle.services.budgets.anonymousBallots(round.id)).toEqual([[p3]]);

    // Two changes racing still leave one ballot (the unique index and the upsert).
    const raced = await Promise.all([vote(voter, round.id, [p1]), vote(voter, round.id, [p2])]);
    expect(raced.map((r) => r.status)).toEqual([200, 200]);
    const stored = await server.handle.services.budgets.anonymousBallots(round.id);
    expect(stored).toHaveLength(1);
    expect([[p1], [p2]]).toContainEqual(stored[0]);

    const open = await server
      .client()
      .get<BudgetResults>(`/api/open-data/budgets/${round.id}/results.json`);
    expect(open.body).toMatchObject({ ballots: 1, lines: [], phase: 'voting' });
  });

  it('lets officers, not residents, open and advance rounds', async () => {
    const resident = await suite.server.newResident();
    const refused = await resident.post('/api/areas/oakfield/budgets', {
      title: 'Mine',
      amountPence: 1_000,
      ...roundDates(),
    });
    expect(refused.status).toBe(403);
    const round = await openRound(suite.officer);
    expect(
      (await resident.post(`/api/budgets/${round.id}/advance`, { from: 'proposals' })).status,
    ).toBe(403);
    const stale = await suite.officer.post<ErrorBody>(`/api/budgets/${round.id}/advance`, {
      from: 'voting',
    });
    expect(stale.status).toBe(409);
  });

  it('seeds a demo round in voting with feasible projects and ballots', async () => {
    const list = await suite.server
      .client()
      .get<{ items: BudgetRound[] }>('/api/areas/oakfield/budgets');
    const demo = list.body.items.find((r) => r.title === 'Oakfield Community Fund 2026');
    expect(demo?.phase).toBe('voting');
    expect(demo).toBeDefined();
    const view = await suite.server.client().get<BudgetRoundView>(`/api/budgets/${demo!.id}`);
    expect(view.body.projects.filter((p) => p.feasible).length).toBeGreaterThanOrEqual(4);
    const open = await suite.server
      .client()
      .get<BudgetResults>(`/api/open-data/budgets/${demo!.id}/results.json`);
    expect(open.body.ballots).toBeGreaterThanOrEqual(2);
  });
});
