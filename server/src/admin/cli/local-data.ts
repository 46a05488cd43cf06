/** The database (and Redis) opened by an admin command itself, when no server holds them. */
import path from 'node:path';
import type { Config } from '../../config';
import { openDatabase, type Database } from '../../db/client';
import { startPrivateRedis, type PrivateRedis } from '../../redis/private-redis';

export function openLocalDatabase(config: Config): Promise<Database> {
  return openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: path.join(config.DATA_DIR, 'pg'),
    poolSize: 2,
  });
}

/** REDIS_URL, or the data directory's own redis-server started for the command. */
export async function localRedis(config: Config): Promise<{ url: string; stop(): Promise<void> }> {
  if (config.REDIS_URL) return { url: config.REDIS_URL, stop: async () => undefined };
  const redis: PrivateRedis = await startPrivateRedis(config.DATA_DIR);
  return redis;
}
