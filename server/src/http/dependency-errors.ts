/**
 * Errors that say a dependency (Redis, PostgreSQL) is not answering, thrown by ioredis,
 * BullMQ, node-postgres or Drizzle around them. They are nobody's fault in the request, and
 * they pass: each becomes a 503 with `Retry-After`, so a client waits and tries again
 * instead of reporting a bug. A query that reaches the database and fails for another
 * reason is not recognised here and stays a 500.
 */
import { AppError } from '../lib/errors';

/** How long a client should wait: about as long as a restart or a failover takes. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 5;

type Fields = Record<string, unknown>;

/** The error and its causes: Drizzle wraps driver errors in "Failed query" with a `cause`. */
function* causeChain(err: unknown): Generator<Fields> {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    yield current as Fields;
    current = (current as Fields).cause;
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Socket-level failures of Node, for either dependency. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** ioredis and BullMQ, told apart by their class names and fixed messages. */
function isRedisOutage(f: Fields): boolean {
  const name = text(f.name);
  const message = text(f.message);
  return (
    name === 'MaxRetriesPerRequestError' ||
    message.startsWith('Reached the max retries per request limit') ||
    message === 'Connection is closed.' ||
    message.startsWith("Stream isn't writeable") ||
    // Redis answers -LOADING while it reads its append-only file back after a restart.
    message.startsWith('LOADING ') ||
    (name === 'ReplyError' && message.startsWith('MASTERDOWN '))
  );
}

/**
 * PostgreSQL: SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, crash,
 * cannot connect now), 53300 (too many connections), a database closed to connections
 * (55000 with that message); node-postgres' own messages when the
 * server hangs up or the pool cannot get a connection in time.
 */
function isPostgresOutage(f: Fields): boolean {
  const code = text(f.code);
  const message = text(f.message);
  return (
    /^08[0-9A-Z]{3}$/.test(code) ||
    /^57P0[123]$/.test(code) ||
    code === '53300' ||
    (code === '55000' && message.includes('not currently accepting connections')) ||
    message.startsWith('Connection terminated') ||
    message === 'Client has encountered a connection error and is not queryable' ||
    message === 'timeout exceeded when trying to connect'
  );
}

function dependencyOf(err: unknown): 'Redis' | 'the database' | 'a service' | null {
  for (const f of causeChain(err)) {
    if (isRedisOutage(f)) return 'Redis';
    if (isPostgresOutage(f)) return 'the database';
    if (NETWORK_CODES.has(text(f.code)) && text(f.syscall) !== '') return 'a service';
  }
  return null;
}

/** The 503 for an error that says a dependency is not answering, or null for any other. */
export function dependencyOutageError(err: unknown): AppError | null {
  const dependency = dependencyOf(err);
  if (!dependency) return null;
  return new AppError(
    'unavailable',
    `The game cannot reach ${dependency} right now; try again in a moment.`,
    { retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS },
  );
}
