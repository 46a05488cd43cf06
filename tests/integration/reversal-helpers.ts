/**
 * Steps shared by the XP reversal tests: verified evidence for a resident, a moderator of
 * the demo area, the caller's progress, and the check that boards equal the ledger and a
 * fresh rebuild of it.
 */
import { expect } from 'vitest';
import type { MyProgress, ReversalResponse } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import type { TestServer } from '../support/harness';
import { checkIn, liveEvents, PARK } from './evidence-fixtures';
import { allTimeBoards, allTimeBoardsFromLedger } from './ledger-helpers';

type Resident = TestClient & { userId: string };

/** Checks the resident in on the quest and waits until the evidence is verified and paid. */
export async function verifiedCheckIn(
  server: TestServer,
  resident: Resident,
  questId: string,
): Promise<string> {
  const live = await liveEvents(server, resident);
  const sent = await checkIn(resident, questId, PARK);
  expect(sent.status).toBe(202);
  expect((await live.statusOf(sent.body.evidenceId)).status).toBe('verified');
  await live.awardFor(sent.body.evidenceId);
  return sent.body.evidenceId;
}

/** A fresh resident of the demo area made moderator there. */
export async function newModerator(server: TestServer): Promise<Resident> {
  const moderator = await server.newResident('Mod Erator');
  await server.handle.services.areas.setRole(
    moderator.userId,
    'oakfield',
    moderator.userId,
    'moderator',
  );
  return moderator;
}

export async function rejectVerified(
  as: TestClient,
  evidenceId: string,
  reason: string,
  cheating: boolean,
) {
  return as.post<ReversalResponse>(`/api/evidence/${evidenceId}/reversal`, { reason, cheating });
}

export async function myProgress(resident: TestClient): Promise<MyProgress> {
  const res = await resident.get<MyProgress>('/api/me/progress');
  expect(res.status).toBe(200);
  return res.body;
}

/**
 * The all-time boards equal the ledger summed here; then a rebuild from the ledger leaves
 * every board exactly as it was (scores included), and a drift check finds nothing.
 */
export async function expectBoardsMatchLedger(server: TestServer): Promise<void> {
  const { infra, services } = server.handle;
  await services.leaderboards.drainOutbox();
  const live = await allTimeBoards(infra.redis, server.prefix);
  expect(live).toEqual(await allTimeBoardsFromLedger(server));
  const scores = async () => {
    const keys = (await infra.redis.keys(`${server.prefix}:lb:*`)).sort();
    return Promise.all(
      keys.map(async (k) => [k, await infra.redis.zrange(k, 0, -1, 'WITHSCORES')]),
    );
  };
  const before = await scores();
  await services.leaderboards.rebuild();
  expect(await scores()).toEqual(before);
  expect((await services.leaderboards.checkDrift()).drift).toBe(0);
}
