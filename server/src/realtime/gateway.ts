/**
 * Inbound socket events: every payload is parsed with its shared schema and every handler
 * answers through an ack; a bad event gets an error ack naming the field, never a crash.
 */
import type { IncomingMessage } from 'node:http';
import type { SessionData } from 'express-session';
import { CLIENT_EVENT_SCHEMAS, rooms, type Ack, type ClientEventName } from '@govcraft/shared';
import type { Infra } from '../context';
import { AppError } from '../lib/errors';
import { toFieldIssues } from '../http/validate';
import type { Payload, SocketHandler, SocketHandlerTable } from './types';

export function errorAck(err: unknown): Ack {
  if (err instanceof AppError) {
    return {
      ok: false,
      error: err.code,
      message: err.message,
      ...(err.extra.issues ? { issues: err.extra.issues } : {}),
    };
  }
  return { ok: false, error: 'internal', message: 'something went wrong on our side' };
}

export function attachGateway(infra: Infra, handlers: SocketHandlerTable): void {
  const known = new Set<string>(Object.keys(CLIENT_EVENT_SCHEMAS));

  infra.io.on('connection', (socket) => {
    const session = (socket.request as IncomingMessage & { session?: Partial<SessionData> })
      .session;
    socket.data.userId = session?.userId ?? null;
    if (socket.data.userId) void socket.join(rooms.user(socket.data.userId));
    infra.metrics.socketsConnected.inc();
    socket.on('disconnect', () => infra.metrics.socketsConnected.dec());

    socket.onAny((event: string, ...args: unknown[]) => {
      if (known.has(event)) return;
      const ack = args[args.length - 1];
      if (typeof ack === 'function') {
        (ack as (a: Ack) => void)({
          ok: false,
          error: 'unknown_event',
          message: `no event called "${event}"`,
        });
      }
    });

    for (const name of Object.keys(CLIENT_EVENT_SCHEMAS) as ClientEventName[]) {
      socket.on(name, async (...args: unknown[]) => {
        // `emit(name, ack)` with no payload puts the ack first: still answer it.
        const ack = args[args.length - 1];
        const raw = args.length > 1 || typeof ack !== 'function' ? args[0] : undefined;
        const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => undefined;
        const parsed = CLIENT_EVENT_SCHEMAS[name].safeParse(raw);
        if (!parsed.success) {
          const issues = toFieldIssues(parsed.error);
          reply({
            ok: false,
            error: 'validation',
            message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
            issues,
          });
          return;
        }
        try {
          const handler = handlers[name] as SocketHandler<typeof name>;
          const extra = await handler(socket, parsed.data as Payload<typeof name>);
          reply({ ok: true, ...(extra ?? {}) });
        } catch (err) {
          if (!(err instanceof AppError))
            infra.logger.error({ err, event: name }, 'socket handler failed');
          reply(errorAck(err));
        }
      });
    }
  });
}
