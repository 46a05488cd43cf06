/**
 * The Socket.IO server. Every node (api and worker) creates one with the Redis streams
 * adapter, so `io.to(room).emit()` from a worker reaches sockets held by any api node.
 */
import type { Server as HttpServer } from 'node:http';
import type { RequestHandler } from 'express';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Server } from 'socket.io';
import type { AllowRequest } from '../http/csrf';
import type { Redis } from '../redis/connection';
import type { RealtimeServer } from './types';

export interface CreateRealtimeOptions {
  redis: Redis;
  prefix: string;
  httpServer?: HttpServer;
  sessionMiddleware?: RequestHandler;
  /** Refuses handshakes from other origins (`handshakeOriginCheck`, the HTTP CSRF rule). */
  allowRequest?: AllowRequest;
}

export function createRealtimeServer(options: CreateRealtimeOptions): RealtimeServer {
  const io: RealtimeServer = new Server({
    path: '/socket.io',
    serveClient: false,
    // Websocket first; polling stays as a fallback for restrictive networks.
    transports: ['websocket', 'polling'],
    adapter: createAdapter(options.redis, { streamName: `${options.prefix}:socket.io` }),
    connectionStateRecovery: undefined,
    ...(options.allowRequest ? { allowRequest: options.allowRequest } : {}),
  });
  if (options.httpServer) io.attach(options.httpServer);
  if (options.httpServer && options.sessionMiddleware) {
    // The handshake runs the same express-session middleware as HTTP requests.
    io.engine.use(options.sessionMiddleware);
  }
  return io;
}
