import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/**
 * A new ioredis connection. BullMQ workers block on Redis, so they need
 * `maxRetriesPerRequest: null`; everything else fails fast while Redis is down so health
 * checks and requests answer instead of hanging.
 */
export function connectRedis(url: string, purpose: 'command' | 'blocking' = 'command'): Redis {
  const options: RedisOptions =
    purpose === 'blocking'
      ? { maxRetriesPerRequest: null, enableReadyCheck: false }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: true, connectTimeout: 5_000 };
  const redis = new Redis(url, { ...options, lazyConnect: false });
  // Errors surface through commands and health checks; an unhandled 'error' event would crash.
  redis.on('error', () => undefined);
  return redis;
}
