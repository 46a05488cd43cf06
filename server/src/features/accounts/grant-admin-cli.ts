/**
 * `npm run admin:grant -- person@example.org`: makes an existing account a platform admin
 * (who may create areas). Uses the same config and database as the server.
 */
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/client';
import { ZEmail } from '@govcraft/shared';
import { findActiveUserByEmail, setPlatformAdmin } from './repo';

async function main(): Promise<void> {
  const parsed = ZEmail.safeParse(process.argv[2] ?? '');
  if (!parsed.success) {
    console.error('usage: npm run admin:grant -- person@example.org');
    process.exit(1);
  }
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: `${config.DATA_DIR}/pg`,
  });
  try {
    const user = await findActiveUserByEmail(database.db, parsed.data);
    if (!user) {
      console.error(`no account with email ${parsed.data}`);
      process.exitCode = 1;
      return;
    }
    await setPlatformAdmin(database.db, user.id, true);
    console.log(`${parsed.data} is now a platform admin`);
  } finally {
    await database.close();
  }
}

void main();
