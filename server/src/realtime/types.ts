import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type {
  CLIENT_EVENT_SCHEMAS,
  ClientEventName,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@govcraft/shared';

export interface SocketData {
  /** Set by the handshake from the HTTP session; null for anonymous viewers. */
  userId: string | null;
}

// Nodes talk to each other only through the adapter; no inter-server events.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- socket.io's type slot
type InterServerEvents = {};

export type RealtimeServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type RealtimeSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

export type Payload<K extends ClientEventName> = z.infer<(typeof CLIENT_EVENT_SCHEMAS)[K]>;

/** A handler gets the parsed payload; what it returns is merged into `{ok: true}`. */
export type SocketHandler<K extends ClientEventName> = (
  socket: RealtimeSocket,
  payload: Payload<K>,
) => Promise<Record<string, unknown> | void>;

export type SocketHandlerTable = { [K in ClientEventName]: SocketHandler<K> };
