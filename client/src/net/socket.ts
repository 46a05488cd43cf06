/**
 * The realtime client. Inbound events are parsed with the shared schemas before any panel
 * sees them (a server bug must not become a UI crash); outbound events wait for their ack.
 */
import { io, type Socket } from 'socket.io-client';
import {
  SERVER_EVENT_SCHEMAS,
  ZAck,
  type Ack,
  type ClientEventName,
  type ClientToServerEvents,
  type ServerEventName,
  type ServerToClientEvents,
} from '@govcraft/shared';
import type { z } from 'zod';

export type ServerPayload<K extends ServerEventName> = z.output<(typeof SERVER_EVENT_SCHEMAS)[K]>;
type Handler<K extends ServerEventName> = (payload: ServerPayload<K>) => void;

export interface Realtime {
  on<K extends ServerEventName>(event: K, handler: Handler<K>): () => void;
  send<K extends ClientEventName>(
    event: K,
    payload: Parameters<ClientToServerEvents[K]>[0],
  ): Promise<Ack>;
  /** Called after every (re)connection, so room joins survive a dropped connection. */
  onConnect(handler: () => void): () => void;
  close(): void;
}

export function connectRealtime(): Realtime {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    transports: ['websocket', 'polling'],
    withCredentials: true,
  });
  const connectHandlers = new Set<() => void>();
  socket.on('connect', () => connectHandlers.forEach((h) => h()));

  return {
    on(event, handler) {
      const schema = SERVER_EVENT_SCHEMAS[event];
      const listener = (raw: unknown) => {
        const parsed = schema.safeParse(raw);
        if (!parsed.success) {
          console.warn(`ignored malformed ${event}`, parsed.error.issues);
          return;
        }
        handler(parsed.data as ServerPayload<typeof event>);
      };
      // The typed overloads cannot follow a generic event name; the schema above is the guard.
      const untyped = socket as unknown as Socket;
      untyped.on(event as string, listener);
      return () => void untyped.off(event as string, listener);
    },
    send(event, payload) {
      const untyped = socket as unknown as Socket;
      return untyped
        .timeout(10_000)
        .emitWithAck(event, payload)
        .then((raw: unknown) => {
          const parsed = ZAck.safeParse(raw);
          return parsed.success
            ? parsed.data
            : ({ ok: false, error: 'bad_ack', message: 'unexpected answer' } as Ack);
        })
        .catch(
          () => ({ ok: false, error: 'timeout', message: 'no answer from the server' }) as Ack,
        );
    },
    onConnect(handler) {
      connectHandlers.add(handler);
      if (socket.connected) handler();
      return () => void connectHandlers.delete(handler);
    },
    close: () => void socket.close(),
  };
}
