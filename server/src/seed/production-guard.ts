/**
 * Production never runs with a password printed in the README: a demo account that still
 * has the published demo password stops the start, unless demo data was asked for.
 */
import type { Db } from '../db/client';
import { activeUserByEmail } from '../admin/repo';
import { verifyPassword } from '../features/accounts/password';
import { DEMO_PASSWORD, demoAccounts } from './demo-data';

export class PublishedPasswordError extends Error {
  override name = 'PublishedPasswordError';
  constructor(emails: string[]) {
    super(
      `this is a production start (NODE_ENV=production or an https PUBLIC_URL), and the demo account${emails.length > 1 ? 's' : ''} ${emails.join(', ')} still ${emails.length > 1 ? 'have' : 'has'} the published demo password. ` +
        'If this installation is a demo, start it with SEED=demo; otherwise start it once with SEED=demo, sign in as each of these accounts and change the password (or delete the account), then start without it.',
    );
  }
}

/** Throws PublishedPasswordError naming every demo account whose password is the demo one. */
export async function refusePublishedDemoPasswords(db: Db): Promise<void> {
  const exposed: string[] = [];
  // One at a time: each check costs a full scrypt (128 MiB at the default cost).
  for (const account of demoAccounts) {
    const user = await activeUserByEmail(db, account.email);
    if (user?.passwordHash && (await verifyPassword(DEMO_PASSWORD, user.passwordHash))) {
      exposed.push(account.email);
    }
  }
  if (exposed.length > 0) throw new PublishedPasswordError(exposed);
}
