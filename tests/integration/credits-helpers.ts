/** Steps shared by the time-credit tests: a partner with staff and an offer, and credits issued. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CreditBalance, Offer, Partner } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import { uniqueSuffix, type TestServer } from '../support/harness';

export type Resident = TestClient & { userId: string; email: string };

/** A partner in the demo area whose only staff member is a fresh account. */
export async function partnerWithStaff(server: TestServer, officer: TestClient) {
  const staff = await server.newResident('Partner Staff');
  const res = await officer.post<Partner>('/api/areas/oakfield/partners', {
    name: `Oakfield Leisure ${uniqueSuffix()}`,
    description: 'Swimming, gym and climbing wall.',
    staffEmails: [staff.email],
  });
  expect(res.status).toBe(201);
  return { partner: res.body, staff };
}

export async function publishOffer(
  staff: TestClient,
  partnerId: string,
  offer: Partial<{ cost: number; perResidentLimit: number; totalLimit: number }> = {},
) {
  const res = await staff.post<Offer>(`/api/partners/${partnerId}/offers`, {
    title: 'One swim',
    description: 'A swimming session at any time.',
    cost: 1,
    ...offer,
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** A quest of the demo area (credits are issued against a real quest). */
export async function demoQuestId(server: TestServer): Promise<string> {
  const res = await server.client().get<{ items: { id: string }[] }>('/api/areas/oakfield/quests');
  return res.body.items[0]!.id;
}

/** Issues `n` one-credit awards through the same path `xp.awarded` takes. */
export async function issueCredits(server: TestServer, userId: string, questId: string, n: number) {
  const areaId = await server.handle.services.areas.idOfSlug('oakfield');
  await server.handle.services.credits.issueForAwards(
    Array.from({ length: n }, () => ({
      userId,
      teamId: null,
      areaId,
      questId,
      evidenceId: randomUUID(),
      amount: 10,
      bySuperpower: {
        urgent_optimism: 10,
        social_fabric: 0,
        blissful_productivity: 0,
        epic_meaning: 0,
      },
      at: new Date(),
    })),
  );
}

export async function balanceOf(resident: TestClient): Promise<CreditBalance> {
  const res = await resident.get<CreditBalance>('/api/areas/oakfield/credits');
  expect(res.status).toBe(200);
  return res.body;
}

/** Every account in the area: no resident below zero, and all balances sum to zero. */
export async function expectLedgerBalanced(server: TestServer) {
  const areaId = await server.handle.services.areas.idOfSlug('oakfield');
  const accounts = await server.handle.services.credits.balancesInArea(areaId);
  expect(accounts.length).toBeGreaterThan(0);
  expect(accounts.reduce((sum, a) => sum + a.balance, 0)).toBe(0);
  for (const a of accounts.filter((x) => x.kind === 'resident'))
    expect(a.balance).toBeGreaterThanOrEqual(0);
}
