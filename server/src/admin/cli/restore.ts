/**
 * `npm run restore <archive>`: brings a backup back into an empty data directory (and an
 * empty PostgreSQL database when DATABASE_URL is set), then rebuilds the leaderboards
 * from the restored XP ledger. Refuses while a server runs on the data directory.
 */
import { existsSync } from 'node:fs';
import { loadConfig, resolveCommandPath } from '../../config';
import { restoreBackup } from '../backup/restore';
import { lockDataDir } from '../data-dir-lock';
import { localRedis, openLocalDatabase } from './local-data';
import { rebuildLeaderboardsHere } from './rebuild-here';
import { argument, runCommand, say } from './run';
import { CommandFailed } from './target';

runCommand('restore', async () => {
  const archive = resolveCommandPath(argument('npm run restore <backup.tar.gz>'));
  if (!existsSync(archive)) throw new CommandFailed(`there is no file ${archive}`);
  const config = loadConfig();
  // Held throughout, so no server starts on a half-restored directory.
  const lock = await lockDataDir(config.DATA_DIR, 'npm run restore');
  try {
    const restored = await restoreBackup(archive, {
      dataDir: config.DATA_DIR,
      databaseUrl: config.DATABASE_URL,
    });
    const database = await openLocalDatabase(config);
    const redis = await localRedis(config);
    try {
      const summary = await rebuildLeaderboardsHere(config, database, redis.url);
      say(
        `restored the ${restored.database} database and ${restored.restoredUploads} uploaded files from ${restored.createdAt} into ${config.DATA_DIR}; rebuilt ${summary.boardKeys} leaderboard keys`,
      );
    } finally {
      await redis.stop();
      await database.close();
    }
  } finally {
    await lock.release();
  }
});
