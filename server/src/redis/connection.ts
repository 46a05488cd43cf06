import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/**
 * What a connection is for:
 * - `command`: requests, sessions, boards, and BullMQ queues (adding and counting jobs).
 *   Fails fast while Redis is down so health checks and requests answer instead of hanging.
 * - `blocking`: BullMQ workers, which block on Redis and need `maxRetriesPerRequest: null`.
 * - `broadcast`: the Socket.IO adapter, which appends one stream entry per emit and reads
 *   them back on its own duplicated connection; it waits out outages like `blocking`.
 *
 * Only `broadcast` pipelines automatically: the dozens of stream appends a verified group
 * emits in one event-loop turn leave in one write. `command` does not: with sessions, rate
 * limits and Lua scripts mixed on one connection, ioredis 5.11's auto-pipelining once
 * answered a pipeline with fewer replies than callbacks and crashed the process
 * ("results[i] is not iterable", seen in CI under a burst of concurrent requests).
 */
export type RedisPurpose = 'command' | 'blocking' | 'broadcast';

const OPTIONS: Record<RedisPurpose, RedisOptions> = {
  command: { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 5_000 },
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
