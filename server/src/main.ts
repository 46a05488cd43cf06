/** Process entry: read config once, start, print where to go, stop cleanly on signals. */
import { startGovcraft } from './boot';
import { loadConfig } from './config';
import { RedisBinaryMissingError } from './redis/private-redis';
import { DEMO_ACCOUNTS } from './seed/seed';

async function main(): Promise<void> {
  const config = loadConfig();
  let handle;
  try {
    handle = await startGovcraft(config);
  } catch (err) {
    if (err instanceof RedisBinaryMissingError) {
      console.error(`GovCraft cannot start: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  if (handle.url) {
    const lines = [
      '',
      `  GovCraft is running: ${handle.url}`,
      `  Officer console:     ${handle.url}/console`,
      `  API docs:            ${handle.url}/api/docs`,
      '',
      ...(config.SEED
        ? [
            '  Demo accounts (password for all: ' + DEMO_ACCOUNTS.password + '):',
            ...DEMO_ACCOUNTS.list.map((a) => `    ${a.role.padEnd(9)} ${a.email}`),
            '',
          ]
        : []),
      `  Data: ${config.DATA_DIR}  (database: ${handle.infra.database.kind})`,
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } else {
    process.stdout.write(`GovCraft worker running (role ${config.ROLE})\n`);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    handle.infra.logger.info({ signal }, 'shutting down');
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('GovCraft failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
