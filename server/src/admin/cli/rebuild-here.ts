/**
 * Rebuilds every leaderboard from the XP ledger in this process, and tells connected clients
 * through the Socket.IO adapter (servers on the same Redis pass it on).
 */
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { createLeaderboardsService } from '../../features/leaderboards/service';
import { JobRegistry } from '../../jobs/registry';
import { systemClock } from '../../lib/clock';
import { createLogger } from '../../lib/logger';
import { createRealtimeServer } from '../../realtime/server';
import { connectRedis } from '../../redis/connection';

export async function rebuildLeaderboardsHere(
  config: Config,
  database: Database,
  redisUrl: string,
) {
  const logger = createLogger('warn');
  const redis = connectRedis(redisUrl);
  const adapterRedis = connectRedis(redisUrl, 'broadcast');
  const io = createRealtimeServer({ redis: adapterRedis, prefix: config.REDIS_PREFIX });
  const jobs = new JobRegistry({ redisUrl, prefix: config.REDIS_PREFIX, logger });
  const leaderboards = createLeaderboardsService({
    db: database.db,
    redis,
    key: (...parts) => [config.REDIS_PREFIX, ...parts].join(':'),
    clock: systemClock,
    io,
    logger,
    jobs,
  });
  try {
    return await leaderboards.rebuild({ awaitBroadcasts: true });
  } finally {
    leaderboards.close();
    // io.close() throws on a server never attached to HTTP; dropping the adapter's
    // connection is what stops it.
    io.removeAllListeners();
    await jobs.close(0);
    redis.disconnect();
    adapterRedis.disconnect();
  }
}
