/**
 * `npm run leaderboards:rebuild`: recomputes every leaderboard from the XP ledger, using the
 * same config (DATABASE_URL, REDIS_URL, REDIS_PREFIX) as the server, and tells connected
 * clients through the Socket.IO adapter. Safe to run while the servers are up.
 */
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { JobRegistry } from '../../jobs/registry';
import { systemClock } from '../../lib/clock';
import { createLogger } from '../../lib/logger';
import { createRealtimeServer } from '../../realtime/server';
import { connectRedis } from '../../redis/connection';
import { createLeaderboardsService } from './service';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.REDIS_URL) {
    console.error('set REDIS_URL to the Redis the servers use; without it there are no boards');
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: `${config.DATA_DIR}/pg`,
  });
  const redis = connectRedis(config.REDIS_URL);
  const adapterRedis = connectRedis(config.REDIS_URL, 'broadcast');
  const io = createRealtimeServer({ redis: adapterRedis, prefix: config.REDIS_PREFIX });
  const jobs = new JobRegistry({ redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX, logger });
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
    const summary = await leaderboards.rebuild({ awaitBroadcasts: true });
    console.log(
      `rebuilt ${summary.boardKeys} board keys (${summary.rows} rows) for ${summary.boards.length / 4} areas`,
    );
  } finally {
    leaderboards.close();
    // io.close() throws on a server never attached to HTTP; dropping the adapter's
    // connection is what stops it.
    io.removeAllListeners();
    await jobs.close(0);
    redis.disconnect();
    adapterRedis.disconnect();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('leaderboards rebuild failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
