/**
 * Delivery is a job: a request that causes mail only enqueues it, so an SMTP server that is
 * down never fails the request; the job retries with growing waits until it is back.
 */
import { defineJob, type JobDefinition } from '../../jobs/registry';
import { ZOutgoingMail, type OutgoingMail } from './message';
import type { MailTransport } from './transport';

/** 1 s, 2 s, 4 s … about a day and a half of tries before a message is given up. */
export const MAIL_RETRY = { attempts: 18, backoff: { type: 'exponential', delay: 1_000 } };

export function sendMailJob(transport: MailTransport): JobDefinition<OutgoingMail> {
  return defineJob({
    queue: 'mail',
    name: 'mail.send',
    version: 1,
    schema: ZOutgoingMail,
    options: MAIL_RETRY,
    handle: (mail) => transport.send(mail),
  });
}
