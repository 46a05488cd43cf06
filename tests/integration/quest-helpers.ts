/** Builders and waits shared by the quest and storyline tests. */
import type { Quest } from '@govcraft/shared';
import { OAKFIELD_PLACES } from '@govcraft/server/seed/demo-data';
import { expect } from 'vitest';
import type { TestClient } from '../support/client';
import type { TestServer } from '../support/harness';

export interface ErrorBody {
  error: string;
  message?: string;
  issues?: { path: string; message: string }[];
}

const [libraryLng, libraryLat] = OAKFIELD_PLACES.library;

/** A valid quest body at the Oakfield library; `overrides` replace whole fields. */
export function questBody(overrides: Record<string, unknown> = {}, now = Date.now()) {
  return {
    title: 'Tidy the library garden',
    problem: 'The library garden is overgrown and the bench is hidden.',
    desiredOutcome: 'Paths clear, bench visible, cuttings bagged for collection.',
    location: { lat: libraryLat, lng: libraryLng, radiusM: 80 },
    startsAt: new Date(now - 3600_000).toISOString(),
    endsAt: new Date(now + 7 * 24 * 3600_000).toISOString(),
    xp: 60,
    superpowers: ['blissful_productivity'],
    evidenceRules: { checkin: true },
    ...overrides,
  };
}

export async function createQuest(
  officer: TestClient,
  overrides: Record<string, unknown> = {},
  slug = 'oakfield',
): Promise<Quest> {
  const res = await officer.post<Quest>(`/api/areas/${slug}/quests`, questBody(overrides));
  if (res.status !== 201)
    throw new Error(`create quest: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Polls until `check` returns a value, for at most `timeoutMs`; no guessing sleeps. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A worker node registers each housekeeping sweep once, repeating every `everyMs`. */
export async function expectOneSweepTimer(server: TestServer, name: string, everyMs: number) {
  const schedulers = await server.handle.infra.jobs.queue('maintenance').getJobSchedulers();
  const sweep = schedulers.filter((s) => s.name === name);
  expect(sweep).toHaveLength(1);
  expect(sweep[0]!.every).toBe(everyMs);
}
