/**
 * Graceful drain of an HTTP server. Once draining starts the server stops accepting
 * connections; keep-alive connections already open stay open, and every answer on them
 * carries `Connection: close`, so each client finishes what it sent, learns (from readiness
 * and the header) to go elsewhere, and the connection closes after its last answer.
 * Shutdown waits, up to a bound, for the accepted requests; only what is still running when
 * the bound runs out is cut off.
 */
import type { IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

/**
 * Once every accepted request is answered, how long open keep-alive connections get to send
 * their last request (answered with Connection: close) before idle ones are closed. Closing
 * an idle connection at the moment its client sends would lose that request.
 */
const LAST_CALL_MS = 1_000;

export interface DrainReport {
  /** Requests being answered when the drain began. */
  inFlightAtStart: number;
  /** Requests that arrived on open connections during the drain, answered with Connection: close. */
  arrivedDuringDrain: number;
  /** Requests still unanswered when the grace period ran out (goal: 0). */
  cutOff: number;
  ms: number;
}

export interface HttpDrain {
  /** Stops accepting, then waits up to `graceMs` for every accepted request to be answered. */
  drain(graceMs: number): Promise<DrainReport>;
  /** Closes every connection still open (upgraded sockets, cut-off requests) and the server. */
  closeAll(): Promise<void>;
}

/** Registers ahead of the app's own 'request' listener so it sees every request first. */
export function trackRequests(server: HttpServer): HttpDrain {
  const open = new Set<ServerResponse>();
  /** Connections still speaking HTTP (upgraded WebSockets are Socket.IO's to close). */
  const sockets = new Set<Socket>();
  let draining = false;
  let arrivedDuringDrain = 0;
  let settle: (() => void) | null = null;

  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.setHeader('Connection', 'close');
  };

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => {
      sockets.delete(socket);
      if (draining) settle?.();
    });
  });
  server.on('upgrade', (_req: IncomingMessage, socket: Socket) => sockets.delete(socket));

  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    open.add(res);
    if (draining) {
      arrivedDuringDrain += 1;
      closeAfterAnswer(res);
    }
    res.once('close', () => {
      open.delete(res);
      if (draining) settle?.();
    });
  });

  /** Waits until `done()` holds or `ms` pass, re-checking whenever a request or connection ends. */
  const until = async (done: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!done() && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        settle = resolve;
        timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
      });
      clearTimeout(timer);
    }
  };

  // Resolves once the server stopped listening and its last connection closed. The net
  // server's close, not the HTTP one: Node's HTTP close also drops idle keep-alive
  // connections at once, and a request a client is sending on one right then would be lost
  // instead of answered with Connection: close.
  let closed: Promise<void> | null = null;
  const stopListening = () =>
    (closed ??= server.listening
      ? new Promise<void>((resolve) => NetServer.prototype.close.call(server, () => resolve()))
      : Promise.resolve());

  return {
    async drain(graceMs) {
      const started = Date.now();
      draining = true;
      const inFlightAtStart = open.size;
      for (const res of open) closeAfterAnswer(res);
      void stopListening();
      const deadline = started + graceMs;
      await until(() => open.size === 0, graceMs);
      const lastCall = Math.min(LAST_CALL_MS, deadline - Date.now());
      await until(() => sockets.size === 0 && open.size === 0, lastCall);
      await until(() => open.size === 0, deadline - Date.now());
      // Connections idle now get no more requests; one still mid-request is cut at close.
      server.closeIdleConnections();
      return { inFlightAtStart, arrivedDuringDrain, cutOff: open.size, ms: Date.now() - started };
    },
    async closeAll() {
      const done = stopListening();
      server.closeAllConnections();
      await done;
    },
  };
}
