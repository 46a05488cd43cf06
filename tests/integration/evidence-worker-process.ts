/**
 * A GovCraft worker node as its own process (ROLE=worker), for tests that SIGKILL it mid-run.
 * Reads DATABASE_URL, REDIS_URL, REDIS_PREFIX and DATA_DIR from its environment and prints
 * "ready" once its BullMQ workers are running.
 */
import { startGovcraft } from '@govcraft/server/boot';
import { parseConfig } from '@govcraft/server/config';

const config = parseConfig(
  {
    ROLE: 'worker',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    DATA_DIR: process.env.DATA_DIR,
    WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    SEED: 'false',
  },
  { clientDist: null },
);
const handle = await startGovcraft(config, { shutdownGraceMs: 2_000 });
process.stdout.write('ready\n');
process.once('SIGTERM', () => {
  void handle.close().then(() => process.exit(0));
});
