/**
 * `npm run admin:grant -- person@example.org`: makes an existing account a platform admin
 * (who may create areas), through the running server or, with none, in the data itself.
 */
import { ZEmail, adminContracts } from '@govcraft/shared';
import { loadConfig } from '../../config';
import { systemClock } from '../../lib/clock';
import { createAdminService } from '../service';
import { openLocalDatabase } from './local-data';
import { argument, runCommand, say } from './run';
import { callServer, commandTarget, describeTarget, CommandFailed } from './target';

runCommand('admin:grant', async () => {
  const email = ZEmail.safeParse(argument('npm run admin:grant -- person@example.org'));
  if (!email.success) throw new CommandFailed('give the email address of an existing account');
  const config = loadConfig();
  const target = await commandTarget(config, 'admin:grant', { redis: false });
  if (target.mode === 'server') {
    await callServer(target, 'post', adminContracts.grantPlatformAdmin.path, { email: email.data });
  } else {
    const database = await openLocalDatabase(config);
    try {
      const admin = createAdminService({ db: database.db, config, clock: systemClock });
      await admin.grantPlatformAdmin(email.data);
    } finally {
      await database.close();
      if (target.mode === 'offline') await target.lock.release();
    }
  }
  say(`${email.data} is now a platform admin (${describeTarget(target)})`);
});
