/**
 * Two GovCraft nodes on one PostgreSQL and one Redis: an award paid on node A (which runs
 * the workers) reaches a browser connected to node B (api only) through the Redis streams
 * adapter, and a team change made over B's HTTP reaches a socket held by A.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rooms, type Team } from '@govcraft/shared';
import { startTestServer, type TestServer } from '../support/harness';
import { TestClient } from '../support/client';
import { useTestServer } from '../support/use-server';
import { checkIn } from './evidence-fixtures';
import { nextEvent, payXp, rawEmit, subscribeBoard, testSocket } from './realtime-helpers';

describe('two nodes', () => {
  // Nodes behind one load balancer share the session secret, like they share Redis.
  const SESSION_SECRET = `two-node-secret-${randomUUID()}`;
  const a = useTestServer({ env: { ROLE: 'all', SESSION_SECRET } });
  let nodeA: TestServer;
  let nodeB: TestServer;
  beforeAll(async () => {
    nodeA = a.server;
    nodeB = await startTestServer({
      databaseUrl: nodeA.databaseUrl!,
      redisPrefix: nodeA.prefix,
      seed: false,
      env: { ROLE: 'api', SESSION_SECRET },
    });
  });
  // Registered after node A's hooks, so B closes first.
  afterAll(() => nodeB?.close());

  it('delivers awards made on A to a client on B, and team changes made on B to a client on A', async () => {
    expect(nodeA.url).not.toBe(nodeB.url);
    // One account, signed in on B; the session lives in Redis, so A knows it too.
    const resident = await nodeB.newResident('Roamer');
    const onA = new TestClient(nodeA.url);
    for (const part of resident.cookieHeader.split('; ')) {
      const [name, value] = part.split('=');
      onA.setCookie(name!, value!);
    }
    const socketB = await testSocket(nodeB.url, resident);
    const socketA = await testSocket(nodeA.url, onA);

    const subscribed = await subscribeBoard(socketB, 'oakfield', 'all');
    expect(subscribed.ok).toBe(true);

    const areaId = await nodeA.handle.services.areas.idOfSlug('oakfield');
    const update = nextEvent(socketB, 'leaderboard:update', (u) =>
      u.top.some((e) => e.id === resident.userId && e.xp === 35),
    );
    const xp = nextEvent(socketB, 'xp:awarded');
    await payXp(nodeA, areaId, 35, [{ userId: resident.userId, teamId: null }], 'urgent_optimism');
    const received = await update;
    expect(received.version).toBeGreaterThan(subscribed.board.version);
    expect(await xp).toMatchObject({ userId: resident.userId, amount: 35 });

    // Team change over B's HTTP → `team:update` on the socket held by A.
    const created = await resident.post<Team>('/api/areas/oakfield/teams', {
      name: 'Two Node Crew',
    });
    expect(created.status).toBe(201);
    expect(await rawEmit(socketA, 'team:join', { teamId: created.body.id })).toMatchObject({
      ok: true,
    });
    const teamUpdate = nextEvent(socketA, 'team:update', (u) => u.members.length === 2);
    const mate = await nodeB.newResident('Mate');
    await mate.post('/api/teams/join', { code: created.body.inviteCode });
    expect((await teamUpdate).teamId).toBe(created.body.id);

    // Both nodes see both sockets in the user's room through the adapter.
    const seenFromB = await nodeB.handle.infra.io.in(rooms.user(resident.userId)).fetchSockets();
    expect(seenFromB).toHaveLength(2);
  });

  it('pays verified evidence sent to B (api) from the worker on A, live on B', async () => {
    const resident = await nodeB.newResident('Market Helper');
    const socketB = await testSocket(nodeB.url, resident);
    await subscribeBoard(socketB, 'oakfield', 'week');
    const quests = await resident.get<{
      items: { id: string; title: string; location: { lat: number; lng: number } }[];
    }>('/api/areas/oakfield/quests?limit=50');
    const quest = quests.body.items.find((q) => q.title === 'Help set up the Saturday market');
    expect(quest).toBeDefined();
    expect((await resident.post(`/api/quests/${quest!.id}/join`)).status).toBe(200);

    const update = nextEvent(socketB, 'leaderboard:update', (u) =>
      u.top.some((e) => e.id === resident.userId && e.xp === 50),
    );
    const xp = nextEvent(socketB, 'xp:awarded', (e) => e.questId === quest!.id);
    const sent = await checkIn(resident, quest!.id, quest!.location);
    expect(sent.status).toBe(202);
    expect(await xp).toMatchObject({ userId: resident.userId, amount: 50 });
    expect((await update).top.find((e) => e.id === resident.userId)?.xp).toBe(50);
  });
});
