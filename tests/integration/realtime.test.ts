import { randomUUID } from 'node:crypto';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { rooms, type LeaderboardUpdateEvent, type Team } from '@govcraft/shared';
import type { RealtimeServer } from '@govcraft/server/realtime/types';
import { DEMO, uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';
import type { TestClient } from '../support/client';
import {
  collect,
  freshArea as freshAreaOn,
  nextEvent,
  payXp,
  rawEmit,
  subscribeBoard,
  testSocket,
  type GameSocket,
} from './realtime-helpers';

describe('realtime gateway', () => {
  const suite = useTestServer();
  const socketFor = (client?: TestClient) => testSocket(suite.server.url, client);
  const freshArea = () => freshAreaOn(suite.server, 'Realtime');
  const pay = (areaId: string, userId: string, xp: number, teamId: string | null = null) =>
    payXp(suite.server, areaId, xp, [{ userId, teamId }]);

  const roomSize = async (room: string) =>
    (await suite.server.handle.infra.io.in(room).fetchSockets()).length;

  it('types the server with the shared event maps', () => {
    const emitUpdate = (io: RealtimeServer, update: LeaderboardUpdateEvent) =>
      io.to('room').emit('leaderboard:update', update);
    // @ts-expect-error the server cannot emit a payload that does not match the schema
    const emitWrong = (io: RealtimeServer) => io.to('room').emit('leaderboard:update', { top: 1 });
    expectTypeOf(emitUpdate).returns.toEqualTypeOf<boolean>();
    expectTypeOf(emitWrong).toBeFunction();
    expectTypeOf<GameSocket['emit']>()
      .parameter(0)
      .toEqualTypeOf<
        | 'area:join'
        | 'team:join'
        | 'officers:join'
        | 'map:viewport'
        | 'leaderboard:subscribe'
        | 'comments:join'
        | 'comments:leave'
      >();
    expect(rooms.team('x')).toBe('team:x');
  });

  it('answers bad events with error acks and keeps the socket usable', async () => {
    const resident = await suite.server.newResident();
    const socket = await socketFor(resident);

    const unknown = await rawEmit(socket, 'hack:the:planet', { a: 1 });
    expect(unknown).toMatchObject({ ok: false, error: 'unknown_event' });

    const wrongType = await rawEmit(socket, 'leaderboard:subscribe', 'oakfield');
    expect(wrongType).toMatchObject({ ok: false, error: 'validation' });

    const badFields = await rawEmit(socket, 'leaderboard:subscribe', {
      slug: 'Oak Field',
      scope: 'everyone',
      period: 'all',
    });
    expect(badFields.ok).toBe(false);
    expect(!badFields.ok && badFields.issues?.map((i) => i.path).sort()).toEqual(['scope', 'slug']);

    const ackOnly = await rawEmit(socket, 'team:join');
    expect(ackOnly).toMatchObject({ ok: false, error: 'validation' });

    const captain = await suite.server.newResident();
    const team = await captain.post<Team>('/api/areas/oakfield/teams', {
      name: `Not Yours ${uniqueSuffix()}`,
    });
    const notMine = await rawEmit(socket, 'team:join', { teamId: team.body.id });
    expect(notMine).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await rawEmit(socket, 'team:join', { teamId: randomUUID() })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });

    const officers = await rawEmit(socket, 'officers:join', { slug: 'oakfield' });
    expect(officers).toMatchObject({ ok: false, error: 'forbidden' });

    const anonymous = await socketFor();
    expect(await rawEmit(anonymous, 'team:join', { teamId: team.body.id })).toMatchObject({
      ok: false,
      error: 'unauthenticated',
    });

    // Still connected, still served.
    expect(socket.connected).toBe(true);
    const good = await subscribeBoard(socket, 'oakfield', 'all');
    expect(good.ok).toBe(true);
    expect(good.board.scope).toBe('users');

    const officer = await suite.server.login(DEMO.officer);
    const officerSocket = await socketFor(officer);
    expect(await rawEmit(officerSocket, 'officers:join', { slug: 'oakfield' })).toMatchObject({
      ok: true,
    });
  });

  it('acks a subscription with the current board, then sends newer versions only', async () => {
    const area = await freshArea();
    const r = await suite.server.newResident('Lively');
    await r.post(`/api/areas/${area.slug}/join`);
    await pay(area.id, r.userId, 10);
    const socket = await socketFor(r);
    const ack = await subscribeBoard(socket, area.slug, 'all');
    expect(ack.board.top).toEqual([{ rank: 1, id: r.userId, name: 'Lively', xp: 10 }]);
    expect(ack.board.me).toMatchObject({ rank: 1, xp: 10 });

    // A burst: 15 awards as fast as the ledger takes them.
    const updates = collect(socket, 'leaderboard:update');
    const final = nextEvent(socket, 'leaderboard:update', (u) => u.top[0]?.xp === 10 + 15 * 3);
    for (let i = 0; i < 15; i++) await pay(area.id, r.userId, 3);
    const last = await final;
    updates.stop();
    expect(last.version).toBe(ack.board.version + 15);
    const versions = updates.seen.map((u: LeaderboardUpdateEvent) => u.version);
    expect(versions.every((v, i) => i === 0 || v > versions[i - 1]!)).toBe(true);
    expect(versions.every((v) => v > ack.board.version)).toBe(true);
  });

  it('gives a reconnecting client the current board, and a closed socket leaves its rooms', async () => {
    const area = await freshArea();
    const r = await suite.server.newResident('Comeback');
    await r.post(`/api/areas/${area.slug}/join`);
    const room = rooms.leaderboard(area.id, 'users', 'week');
    const first = await socketFor(r);
    await subscribeBoard(first, area.slug, 'week');
    expect(await roomSize(room)).toBe(1);
    expect(await roomSize(rooms.user(r.userId))).toBe(1);

    const gone = new Promise<void>((resolve) => first.once('disconnect', () => resolve()));
    first.disconnect();
    await gone;
    await expect.poll(() => roomSize(room)).toBe(0);
    expect(await roomSize(rooms.user(r.userId))).toBe(0);

    await pay(area.id, r.userId, 42);
    const second = await socketFor(r);
    const ack = await subscribeBoard(second, area.slug, 'week');
    expect(ack.board.top.map((e) => e.xp)).toEqual([42]);
    expect(ack.board.version).toBeGreaterThan(0);
  });

  it('sends xp:awarded to the person and team:update to members in the team room', async () => {
    const captain = await suite.server.newResident('Captain');
    const socket = await socketFor(captain);
    const created = await captain.post<Team>('/api/areas/oakfield/teams', {
      name: `Room Team ${uniqueSuffix()}`,
    });
    expect(await rawEmit(socket, 'team:join', { teamId: created.body.id })).toMatchObject({
      ok: true,
    });
    const joiner = await suite.server.newResident('Joiner');
    const update = nextEvent(socket, 'team:update', (u) => u.members.length === 2);
    await joiner.post('/api/teams/join', { code: created.body.inviteCode });
    expect((await update).members.map((m) => m.displayName)).toEqual(['Captain', 'Joiner']);

    // A removed member's sockets leave the team room on whichever node holds them.
    const joinerSocket = await socketFor(joiner);
    await rawEmit(joinerSocket, 'team:join', { teamId: created.body.id });
    expect(await roomSize(rooms.team(created.body.id))).toBe(2);
    await captain.delete(`/api/teams/${created.body.id}/members/${joiner.userId}`);
    await expect.poll(() => roomSize(rooms.team(created.body.id))).toBe(1);

    const oakfield = await suite.server.handle.services.areas.idOfSlug('oakfield');
    const xp = nextEvent(socket, 'xp:awarded');
    await pay(oakfield, captain.userId, 30, created.body.id);
    expect(await xp).toMatchObject({ userId: captain.userId, amount: 30, totalXp: 30 });
  });
});
