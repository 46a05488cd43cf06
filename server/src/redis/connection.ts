import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/**
 * What a connection is for:
 * - `command`: requests, sessions, boards. Fails fast while Redis is down so health checks
 *   and requests answer instead of hanging.
 * - `blocking`: BullMQ, which blocks on Redis and needs `maxRetriesPerRequest: null`.
 * - `broadcast`: the Socket.IO adapter, which appends one stream entry per emit and reads
 *   them back on its own duplicated connection; it waits out outages like `blocking`.
 *
 * `command` and `broadcast` connections never block, so they pipeline automatically: the
 * commands of one event-loop turn (a verified group's dozens of emits) leave in one write.
 */
export type RedisPurpose = 'command' | 'blocking' | 'broadcast';

const OPTIONS: Record<RedisPurpose, RedisOptions> = {
  command: {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    enableAutoPipelining: true,
  },
  blocking: { maxRetriesPerRequest: null, enableReadyCheck: false },
  broadcast: { maxRetriesPerRequest: null, enableReadyCheck: false, enableAutoPipelining: true },
};

export function connectRedis(url: string, purpose: RedisPurpose = 'command'): Redis {
  const options = OPTIONS[purpose];
  const redis = new Redis(url, { ...options, lazyConnect: false });
  // Errors surface through commands and health checks; an unhandled 'error' event would crash.
  redis.on('error', () => undefined);
  return redis;
}
