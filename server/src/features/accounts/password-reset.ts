/**
 * Forgotten passwords. Asking answers the same, after the same work, whether or not the
 * address has an account: the request only queues a job, and the job looks the address up.
 * Using the link sets the password, spends the link and ends every session of the account.
 */
import type { ForgotPasswordRequest, ResetPasswordRequest } from '@govcraft/shared';
import { z } from 'zod';
import { ZEmail } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { RateLimits } from '../../http/rate-limit';
import { defineJob } from '../../jobs/registry';
import type { MailService } from '../mail/service';
import { MAIL_RETRY } from '../mail/jobs';
import * as emailRepo from './email-repo';
import type { EmailTokens } from './email-tokens';
import { hashPassword } from './password';
import * as repo from './repo';
import type { SessionIndex } from './session-index';

export const RESET_REQUESTED_ANSWER = {
  message:
    'If that address has an account, a link to choose a new password is on its way. It works for one hour.',
};

export interface PasswordResetDeps {
  mail: Pick<MailService, 'send' | 'link'>;
  tokens: EmailTokens;
  sessions: SessionIndex;
  rateLimits: RateLimits;
}

export function createPasswordReset(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'config'>,
  deps: PasswordResetDeps,
) {
  /** Runs in the worker: only here is the address looked up. */
  async function mailResetLink(email: string): Promise<string> {
    const user = await repo.findActiveUserByEmail(infra.db, email);
    if (!user?.email) return 'no account';
    const token = await deps.tokens.issue(user.id, 'reset_password', user.email);
    await deps.mail.send({
      to: user.email,
      areaName: (await emailRepo.homeAreaName(infra.db, user.id)) ?? 'GovCraft',
      subject: 'Choose a new password',
      paragraphs: [
        `Hello ${user.displayName},`,
        'Someone asked to reset the password of your GovCraft account. If it was you, choose a new one with the link below; it works once, for one hour. Every device signed in to your account will be signed out.',
        'If it was not you, ignore this email: your password stays as it is.',
      ],
      action: {
        label: 'Choose a new password',
        url: deps.mail.link(`/reset-password?token=${token}`),
      },
      unsubscribe: null,
    });
    return 'sent';
  }

  const resetRequestedJob = defineJob({
    queue: 'mail',
    name: 'accounts.password-reset-requested',
    version: 1,
    schema: z.object({ email: ZEmail }),
    options: MAIL_RETRY,
    handle: ({ email }) => mailResetLink(email),
  });

  async function requestReset(input: ForgotPasswordRequest, ip: string) {
    await deps.rateLimits.consume('password', ip, `reset:${input.email}`);
    await infra.jobs.add(resetRequestedJob, { email: input.email });
    return RESET_REQUESTED_ANSWER;
  }

  async function resetPassword(input: ResetPasswordRequest): Promise<void> {
    const passwordHash = await hashPassword(input.newPassword, infra.config.SCRYPT_LOG_N);
    const userId = await infra.db.transaction(async (tx) => {
      const row = await deps.tokens.spend(tx, 'reset_password', input.token);
      await repo.updatePasswordHash(tx, row.userId, passwordHash);
      // Opening the link proves the address is read.
      await emailRepo.markEmailVerified(tx, row.userId, row.email, infra.clock.now());
      return row.userId;
    });
    await deps.sessions.endAll(userId);
  }

  return { requestReset, resetPassword, jobs: [resetRequestedJob] };
}
