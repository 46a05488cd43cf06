/**
 * `npm run admin:setup -- person@example.org [--name "Sam Jones"]`: creates a platform
 * admin with no password (or promotes an existing account) and prints a one-time link,
 * valid for 24 hours, where that person chooses the password.
 */
import {
  ZAdminSetupLinkRequest,
  adminContracts,
  type AdminSetupLinkResponse,
} from '@govcraft/shared';
import { loadConfig } from '../../config';
import { systemClock } from '../../lib/clock';
import { createAdminService } from '../service';
import { openLocalDatabase } from './local-data';
import { argument, option, runCommand, say } from './run';
import { callServer, commandTarget, describeTarget, CommandFailed } from './target';

runCommand('admin:setup', async () => {
  const parsed = ZAdminSetupLinkRequest.safeParse({
    email: argument('npm run admin:setup -- person@example.org [--name "Display Name"]'),
    displayName: option('name'),
  });
  if (!parsed.success) {
    throw new CommandFailed(
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    );
  }
  const config = loadConfig();
  const target = await commandTarget(config, 'admin:setup', { redis: false });
  let answer: AdminSetupLinkResponse;
  if (target.mode === 'server') {
    const res = await callServer(
      target,
      'post',
      adminContracts.createAdminSetupLink.path,
      parsed.data,
    );
    answer = (await res.json()) as AdminSetupLinkResponse;
  } else {
    const database = await openLocalDatabase(config);
    try {
      const admin = createAdminService({ db: database.db, config, clock: systemClock });
      const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
      answer = await admin.createSetupLink(parsed.data, base);
    } finally {
      await database.close();
      if (target.mode === 'offline') await target.lock.release();
    }
  }
  say(
    [
      `${answer.email} is a platform admin${answer.created ? ' (new account)' : ''} (${describeTarget(target)}).`,
      'Open this link once to choose the password; it works until',
      `${answer.expiresAt}, and any earlier link for this account no longer works:`,
      '',
      `  ${answer.link}`,
      '',
    ].join('\n'),
  );
});
