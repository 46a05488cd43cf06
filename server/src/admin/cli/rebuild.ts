/**
 * `npm run leaderboards:rebuild`: recomputes every leaderboard from the XP ledger. With a
 * server running on this DATA_DIR it asks that server (which queues the rebuild as a job);
 * with DATABASE_URL and REDIS_URL it rebuilds here; with neither and no server, it opens
 * the data directory's database and redis-server itself.
 */
import { leaderboardsContracts } from '@govcraft/shared';
import { loadConfig } from '../../config';
import { localRedis, openLocalDatabase } from './local-data';
import { rebuildLeaderboardsHere } from './rebuild-here';
import { runCommand, say } from './run';
import { callServer, commandTarget, describeTarget } from './target';

runCommand('leaderboards:rebuild', async () => {
  const config = loadConfig();
  const target = await commandTarget(config, 'leaderboards:rebuild', { redis: true });
  if (target.mode === 'server') {
    const res = await callServer(target, 'post', leaderboardsContracts.rebuildLeaderboards.path);
    const { jobId } = (await res.json()) as { jobId: string };
    say(
      `rebuild queued as job ${jobId} ${describeTarget(target)}; the boards swap in when it is done`,
    );
    return;
  }
  const database = await openLocalDatabase(config);
  const redis = await localRedis(config).catch(async (err: unknown) => {
    await database.close();
    throw err;
  });
  try {
    const summary = await rebuildLeaderboardsHere(config, database, redis.url);
    say(
      `rebuilt ${summary.boardKeys} board keys (${summary.rows} rows) for ${summary.boards.length / 4} areas (${describeTarget(target)})`,
    );
  } finally {
    await redis.stop();
    await database.close();
    if (target.mode === 'offline') await target.lock.release();
  }
});
