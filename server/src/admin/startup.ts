/**
 * What the server does at start for its operator: take the data directory (one process per
 * embedded data directory), write the admin commands' token, and print the first admin's
 * set-up link when ADMIN_EMAIL names an admin that has no password yet.
 */
import type { Config } from '../config';
import type { Logger } from '../lib/logger';
import { issueAdminToken, removeAdminToken } from './admin-token';
import { lockDataDir } from './data-dir-lock';
import type { AdminService } from './service';

export interface DataDirClaim {
  /** The admin commands' bearer token for this start. */
  adminToken: string;
  recordUrls(localUrl: string | null, publicUrl: string | null): void;
  release(): Promise<void>;
}

/** Whether this process keeps something in DATA_DIR that only one process may open. */
export const usesEmbeddedData = (config: Pick<Config, 'DATABASE_URL' | 'REDIS_URL'>) =>
  !config.DATABASE_URL || !config.REDIS_URL;

/**
 * Takes DATA_DIR when the embedded database or the private Redis lives there; throws
 * DataDirInUseError naming the running holder. Null when nothing embedded is used.
 */
export async function claimDataDir(config: Config, logger: Logger): Promise<DataDirClaim | null> {
  if (!usesEmbeddedData(config)) return null;
  const lock = await lockDataDir(config.DATA_DIR, 'server', (err) =>
    logger.error({ err }, 'the lock on DATA_DIR was lost; another process may open it'),
  );
  const adminToken = issueAdminToken(config.DATA_DIR);
  return {
    adminToken,
    recordUrls: (localUrl, publicUrl) => lock.record({ localUrl, publicUrl }),
    async release() {
      removeAdminToken(config.DATA_DIR);
      await lock.release();
    },
  };
}

/** ADMIN_EMAIL: answers the set-up link to print, or null when that admin is set up. */
export async function announceFirstAdmin(
  config: Config,
  admin: AdminService,
  baseUrl: string,
  logger: Logger,
): Promise<string | null> {
  if (!config.ADMIN_EMAIL) {
    if (config.production && !(await admin.hasUsablePlatformAdmin())) {
      logger.warn(
        'no platform admin yet: set ADMIN_EMAIL, or run npm run admin:setup -- you@council.example',
      );
    }
    return null;
  }
  const link = await admin.ensureFirstAdmin(config.ADMIN_EMAIL, baseUrl);
  if (link) {
    logger.warn(
      { email: config.ADMIN_EMAIL, link },
      'first admin has no password yet: open the set-up link (it works once, within 24 hours)',
    );
  }
  return link;
}
