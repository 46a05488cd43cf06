/** Shared steps for the participatory budget tests: open a round, fill it, reach voting. */
import { expect, vi } from 'vitest';
import type {
  BudgetPhase,
  BudgetProject,
  BudgetRound,
  BudgetRoundView,
  OpenBudgetRoundRequest,
} from '@govcraft/shared';
import { OAKFIELD_PLACES } from '@govcraft/server/seed/demo-data';
import type { TestClient } from '../support/client';

export interface ErrorBody {
  error: string;
  message?: string;
  issues?: { path: string; message: string }[];
}

const [lng, lat] = OAKFIELD_PLACES.park;
export const PARK_SPOT = { lat, lng };
const DAY_MS = 24 * 3600_000;

/** Phase ends `ms` after now, one after another (far ahead unless a test asks for short). */
export function roundDates(ms: [number, number, number] = [DAY_MS, 2 * DAY_MS, 3 * DAY_MS]) {
  const now = Date.now();
  return {
    proposalsEndAt: new Date(now + ms[0]).toISOString(),
    feasibilityEndAt: new Date(now + ms[1]).toISOString(),
    votingEndAt: new Date(now + ms[2]).toISOString(),
  };
}

export async function openRound(
  officer: TestClient,
  input: Partial<OpenBudgetRoundRequest> = {},
): Promise<BudgetRound> {
  const res = await officer.post<BudgetRound>('/api/areas/oakfield/budgets', {
    title: 'Test fund',
    amountPence: 100_000,
    minProjects: 1,
    maxProjects: null,
    ...roundDates(),
    ...input,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function propose(
  resident: TestClient,
  roundId: string,
  title: string,
  costPence: number,
) {
  const res = await resident.post<BudgetProject>(`/api/budgets/${roundId}/projects`, {
    title,
    description: `A useful project called ${title} for the neighbourhood.`,
    costPence,
    location: PARK_SPOT,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function decide(officer: TestClient, projectId: string, feasible = true) {
  const res = await officer.post<BudgetProject>(`/api/budget-projects/${projectId}/feasibility`, {
    feasible,
    reason: feasible ? 'Checked with the parks team.' : 'Not on council land.',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export async function advance(officer: TestClient, roundId: string, from: BudgetPhase) {
  const res = await officer.post<BudgetRound>(`/api/budgets/${roundId}/advance`, { from });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** A round moved to voting by hand, with feasible projects of the given costs. */
export async function roundInVoting(
  officer: TestClient,
  proposer: TestClient,
  costs: number[],
  input: Partial<OpenBudgetRoundRequest> = {},
) {
  const round = await openRound(officer, input);
  const projects: BudgetProject[] = [];
  for (const [i, cost] of costs.entries()) {
    projects.push(await propose(proposer, round.id, `Project ${i + 1}`, cost));
  }
  await advance(officer, round.id, 'proposals');
  for (const p of projects) await decide(officer, p.id);
  await advance(officer, round.id, 'feasibility');
  return { round, projects };
}

/** Waits until the clock has moved the round to `phase` (the delayed jobs, not the test). */
export async function untilPhase(client: TestClient, roundId: string, phase: BudgetPhase) {
  await vi.waitFor(
    async () => {
      const res = await client.get<BudgetRoundView>(`/api/budgets/${roundId}`);
      expect(res.body.round.phase).toBe(phase);
    },
    { timeout: 20_000, interval: 100 },
  );
}
