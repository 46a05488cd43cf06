/** Typed Socket.IO clients for tests: connect with a test client's session, ack, await events. */
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ClientToServerEvents,
  ServerEventName,
  ServerToClientEvents,
} from '@govcraft/shared';
import { randomUUID } from 'node:crypto';
import type { XpAwardedFact } from '@govcraft/server/lib/domain-events';
import type { TestClient } from '../support/client';

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
