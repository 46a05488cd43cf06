/**
 * Confirming an email address: a link goes out on registration (and on request); until it
 * is opened the account can play but cannot vote in budgets or vouch for evidence.
 */
import type { Infra } from '../../context';
import { AppError, forbidden } from '../../lib/errors';
import type { MailService } from '../mail/service';
import * as emailRepo from './email-repo';
import type { EmailTokens } from './email-tokens';
import * as repo from './repo';

export interface EmailVerificationDeps {
  mail: Pick<MailService, 'send' | 'link'>;
  tokens: EmailTokens;
}

export function createEmailVerification(
  infra: Pick<Infra, 'db' | 'clock'>,
  deps: EmailVerificationDeps,
) {
  /** Issues a fresh link (older ones stop working) and queues the email with it. */
  async function sendVerification(userId: string): Promise<void> {
    const user = await repo.findActiveUserById(infra.db, userId);
    if (!user?.email || user.emailVerifiedAt) return;
    const token = await deps.tokens.issue(user.id, 'verify_email', user.email);
    await deps.mail.send({
      to: user.email,
      areaName: (await emailRepo.homeAreaName(infra.db, user.id)) ?? 'GovCraft',
      subject: 'Confirm your email address',
      paragraphs: [
        `Hello ${user.displayName},`,
        'Confirm this is your email address so you can vouch for neighbours and vote on budgets. The link works for 7 days.',
      ],
      action: {
        label: 'Confirm my email address',
        url: deps.mail.link(`/verify-email?token=${token}`),
      },
      unsubscribe: null,
    });
  }

  async function verifyEmail(token: string) {
    return infra.db.transaction(async (tx) => {
      const row = await deps.tokens.spend(tx, 'verify_email', token);
      if (!(await emailRepo.markEmailVerified(tx, row.userId, row.email, infra.clock.now())))
        throw AppError.field('token', 'this link is for an address the account no longer uses');
      return { email: row.email, verified: true as const };
    });
  }

  /** Refuses (403) an account whose address is not confirmed yet. */
  async function requireVerifiedEmail(userId: string, toDo: string): Promise<void> {
    const user = await repo.findActiveUserById(infra.db, userId);
    if (!user?.emailVerifiedAt)
      throw forbidden(`confirm your email address before you ${toDo}; we sent you a link`);
  }

  /** For the demo accounts and test set-up: the address counts as confirmed without a link. */
  async function confirmEmailWithoutLink(userId: string): Promise<void> {
    const user = await repo.findActiveUserById(infra.db, userId);
    if (user?.email)
      await emailRepo.markEmailVerified(infra.db, userId, user.email, infra.clock.now());
  }

  return { sendVerification, verifyEmail, requireVerifiedEmail, confirmEmailWithoutLink };
}
export type EmailVerification = ReturnType<typeof createEmailVerification>;
