/** Process entry: read config once, start, print where to go, stop cleanly on signals. */
import { DataDirInUseError, liveDataDirOwner } from './admin/data-dir-lock';
import { usesEmbeddedData } from './admin/startup';
import { loadConfig } from './config';
import { DEMO_ACCOUNTS } from './seed/demo-accounts';

/** Start-up refusals the operator can act on: one line, no stack. */
const REFUSALS = new Set([
  'RedisBinaryMissingError',
  'DataDirInUseError',
  'PublishedPasswordError',
]);

async function main(): Promise<void> {
  const config = loadConfig();
  let handle;
  try {
    // A second server on the same data directory is told so before the rest even loads.
    const owner = usesEmbeddedData(config) ? await liveDataDirOwner(config.DATA_DIR) : null;
    if (owner) throw new DataDirInUseError(config.DATA_DIR, owner);
    const { startGovcraft } = await import('./boot');
    handle = await startGovcraft(config);
  } catch (err) {
    if (err instanceof Error && REFUSALS.has(err.name)) {
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
      ...(handle.firstAdminLink
        ? [
            `  First admin (${config.ADMIN_EMAIL}): choose the password at this one-time link,`,
            `  valid for 24 hours:  ${handle.firstAdminLink}`,
            '',
          ]
        : []),
      `  Data: ${config.DATA_DIR}  (database: ${handle.infra.database.kind})`,
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } else {
    process.stdout.write(
      `GovCraft worker running (role ${config.ROLE}); health and metrics: ${handle.healthUrl}\n`,
    );
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
