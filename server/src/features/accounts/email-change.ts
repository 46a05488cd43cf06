/**
 * Changing the address: the password confirms it is the owner asking, the link goes to the
 * new address, and the change happens only when that link is opened. Whether the new address
 * already has an account is decided in the job, so the answer never tells.
 */
import type { ChangeEmailRequest } from '@govcraft/shared';
import { z } from 'zod';
import { ZEmail, ZId } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError } from '../../lib/errors';
import { defineJob } from '../../jobs/registry';
import type { MailService } from '../mail/service';
import { MAIL_RETRY } from '../mail/jobs';
import * as emailRepo from './email-repo';
import type { EmailTokens } from './email-tokens';
import * as repo from './repo';

export const CHANGE_REQUESTED_ANSWER = {
  message: 'We sent a link to the new address. Your address changes when you open it.',
};

export interface EmailChangeDeps {
  mail: Pick<MailService, 'send' | 'link'>;
  tokens: EmailTokens;
  checkOwnPassword: (userId: string, password: string) => Promise<void>;
}

export function createEmailChange(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs'>,
  deps: EmailChangeDeps,
) {
  async function mailChangeLink(userId: string, newEmail: string): Promise<string> {
    const user = await repo.findActiveUserById(infra.db, userId);
    if (!user) return 'no account';
    const areaName = (await emailRepo.homeAreaName(infra.db, user.id)) ?? 'GovCraft';
    if (await repo.findActiveUserByEmail(infra.db, newEmail)) {
      await deps.mail.send({
        to: newEmail,
        areaName,
        subject: 'This address already has an account',
        paragraphs: [
          'Someone asked to move a GovCraft account to this address, but it already has an account, so nothing changed.',
          'If you forgot its password, use "Forgot your password?" on the sign-in page.',
        ],
        unsubscribe: null,
      });
      return 'taken';
    }
    const token = await deps.tokens.issue(user.id, 'change_email', newEmail);
    await deps.mail.send({
      to: newEmail,
      areaName,
      subject: 'Confirm your new email address',
      paragraphs: [
        `Hello ${user.displayName},`,
        'Open the link below to use this address for your GovCraft account. It works for 24 hours.',
      ],
      action: { label: 'Use this address', url: deps.mail.link(`/change-email?token=${token}`) },
      unsubscribe: null,
    });
    return 'sent';
  }

  const changeRequestedJob = defineJob({
    queue: 'mail',
    name: 'accounts.email-change-requested',
    version: 1,
    schema: z.object({ userId: ZId, newEmail: ZEmail }),
    options: MAIL_RETRY,
    handle: ({ userId, newEmail }) => mailChangeLink(userId, newEmail),
  });

  async function requestChange(userId: string, input: ChangeEmailRequest) {
    await deps.checkOwnPassword(userId, input.password);
    await infra.jobs.add(changeRequestedJob, { userId, newEmail: input.newEmail });
    return CHANGE_REQUESTED_ANSWER;
  }

  async function confirmChange(token: string) {
    return infra.db.transaction(async (tx) => {
      const row = await deps.tokens.spend(tx, 'change_email', token);
      if (await repo.findActiveUserByEmail(tx, row.email))
        throw new AppError('conflict', 'another account took this address meanwhile');
      await emailRepo.changeEmail(tx, row.userId, row.email, infra.clock.now());
      return { email: row.email, verified: true as const };
    });
  }

  return { requestChange, confirmChange, jobs: [changeRequestedJob] };
}
