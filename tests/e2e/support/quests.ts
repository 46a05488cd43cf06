/** Quest and evidence set-up through the real API, for tests whose subject is something else. */
import type { Quest } from '@govcraft/shared';
import type { TestClient } from '../../support/client';

/** A point well inside Oakfield (the demo area), away from the seeded quests. */
export const OAKFIELD_SPOT = { lat: 52.6296, lng: -1.1405 } as const;

/** `base` with a random suffix, so a test finds its own quest among earlier runs'. */
export const uniqueTitle = (base: string) => `${base} ${Math.random().toString(36).slice(2, 7)}`;

export async function postQuest(
  officer: TestClient,
  title: string,
  over: Record<string, unknown> = {},
): Promise<Quest> {
  const now = Date.now();
  const res = await officer.post<Quest>('/api/areas/oakfield/quests', {
    title,
    problem: 'Leaves block the drain by the library steps.',
    desiredOutcome: 'The drain is clear and water runs away after rain.',
    location: { ...OAKFIELD_SPOT, radiusM: 60 },
    startsAt: new Date(now - 60 * 60_000).toISOString(),
    endsAt: new Date(now + 3 * 86_400_000).toISOString(),
    xp: 70,
    superpowers: ['blissful_productivity'],
    evidenceRules: { checkin: true, photo: true },
    publish: true,
    ...over,
  });
  if (res.status !== 201)
    throw new Error(`posting a quest failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The evidence's status as the resident who sent it sees it. */
export async function evidenceStatus(resident: TestClient, evidenceId: string): Promise<string> {
  return (await resident.get<{ status: string }>(`/api/evidence/${evidenceId}`)).body.status;
}
