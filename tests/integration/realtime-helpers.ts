/** Typed Socket.IO clients for tests: connect with a test client's session, ack, await events. */
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import type {
  Ack,
  ClientToServerEvents,
  LeaderboardPeriod,
  LeaderboardResponse,
  ServerEventName,
  ServerToClientEvents,
  Superpower,
} from '@govcraft/shared';
import { randomUUID } from 'node:crypto';
import type { XpAwardedFact } from '@govcraft/server/features/progress/facts';
import { loadDemoMap } from '@govcraft/server/seed/seed';
import type { TestClient } from '../support/client';
import { uniqueSuffix, type TestServer } from '../support/harness';
import type { SuiteServer } from '../support/use-server';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Untyped = (...args: unknown[]) => void;

/** Connects over websocket, carrying the HTTP session cookie like a browser would. */
export async function connectSocket(url: string, as?: TestClient): Promise<GameSocket> {
  const socket: GameSocket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(as?.cookieHeader ? { extraHeaders: { cookie: as.cookieHeader } } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** A socket (signed in as `as`, if given) that disconnects when the current test ends. */
export async function testSocket(url: string, as?: TestClient): Promise<GameSocket> {
  const socket = await connectSocket(url, as);
  onTestFinished(() => void socket.disconnect());
  return socket;
}

/**
 * An anonymous socket in an area's room for the whole describe block (after the suite's
 * server is up), disconnected when the block ends.
 */
export function useAreaSocket(suite: Pick<SuiteServer, 'server'>, slug = 'oakfield') {
  let socket: GameSocket | undefined;
  beforeAll(async () => {
    socket = await connectSocket(suite.server.url);
    expect((await socket.emitWithAck('area:join', { slug })).ok).toBe(true);
  });
  afterAll(() => void socket?.disconnect());
  return {
    get socket(): GameSocket {
      if (!socket) throw new Error('the area socket is not connected yet');
      return socket;
    },
  };
}

/** Emits any event name with any payload (the server must cope) and waits for the ack. */
export function rawEmit(socket: GameSocket, event: string, ...args: unknown[]): Promise<Ack> {
  const untyped = socket as unknown as Socket;
  return untyped.timeout(5_000).emitWithAck(event, ...args) as Promise<Ack>;
}

export function nextEvent<K extends ServerEventName>(
  socket: GameSocket,
  event: K,
  accept: (payload: Parameters<ServerToClientEvents[K]>[0]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<Parameters<ServerToClientEvents[K]>[0]> {
  type P = Parameters<ServerToClientEvents[K]>[0];
  const untyped = socket as unknown as Socket;
  return new Promise<P>((resolve, reject) => {
    const timer = setTimeout(() => {
      untyped.off(event as string, listener as Untyped);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: P) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      untyped.off(event as string, listener as Untyped);
      resolve(payload);
    };
    untyped.on(event as string, listener as Untyped);
  });
}

/** Collects every payload of one event until stopped. */
export function collect<K extends ServerEventName>(socket: GameSocket, event: K) {
  type P = Parameters<ServerToClientEvents[K]>[0];
  const seen: P[] = [];
  const untyped = socket as unknown as Socket;
  const listener = (payload: P) => void seen.push(payload);
  untyped.on(event as string, listener as Untyped);
  return { seen, stop: () => void untyped.off(event as string, listener as Untyped) };
}

/** A ledger award fact as the progress service publishes it; all XP as urgent optimism. */
export function awardFact(
  areaId: string,
  userId: string,
  amount: number,
  at = new Date(),
  teamId: string | null = null,
): XpAwardedFact {
  return {
    userId,
    teamId,
    areaId,
    questId: randomUUID(),
    evidenceId: randomUUID(),
    amount,
    bySuperpower: {
      urgent_optimism: amount,
      social_fabric: 0,
      blissful_productivity: 0,
      epic_meaning: 0,
    },
    at,
  };
}

/** A new area on the demo map (a fresh one per test keeps leaderboards apart). */
export async function freshArea(
  server: TestServer,
  name: string,
  timezone = 'Europe/London',
): Promise<{ slug: string; id: string }> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${uniqueSuffix()}`;
  const area = await server.handle.services.areas.create(null, {
    name: `${name} ${slug}`,
    slug,
    timezone,
    boundary: loadDemoMap().boundary,
  });
  return { slug, id: area.id };
}

/** Pays XP through the real ledger (progress service) and announces it after commit. */
export async function payXp(
  server: TestServer,
  areaId: string,
  xp: number,
  recipients: { userId: string; teamId: string | null }[],
  superpower: Superpower = 'epic_meaning',
): Promise<void> {
  const { progress } = server.handle.services;
  const facts = await server.handle.infra.db.transaction((tx) =>
    progress.award(tx, {
      evidenceId: randomUUID(),
      questId: randomUUID(),
      areaId,
      xp,
      superpowers: [superpower],
      recipients,
      reason: 'test award',
    }),
  );
  await progress.announce(facts);
}

export type BoardAck = Ack & { board: LeaderboardResponse };

/** Subscribes to an area's residents board and returns the ack with the current board. */
export function subscribeBoard(
  socket: GameSocket,
  slug: string,
  period: LeaderboardPeriod,
): Promise<BoardAck> {
  return rawEmit(socket, 'leaderboard:subscribe', {
    slug,
    scope: 'users',
    period,
  }) as Promise<BoardAck>;
}
