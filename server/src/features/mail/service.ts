import { randomUUID } from 'node:crypto';
import type { Infra } from '../../context';
import type { JobDefinition } from '../../jobs/registry';
import { composeMail, type MailContent, type OutgoingMail } from './message';

export function createMailService(
  infra: Pick<Infra, 'config' | 'jobs'>,
  sendJob: JobDefinition<OutgoingMail>,
) {
  const base = (infra.config.PUBLIC_URL ?? `http://localhost:${infra.config.PORT}`).replace(
    /\/$/,
    '',
  );
  return {
    /** An absolute link into the app for an email, e.g. `/reset-password?token=…`. */
    link: (pathAndQuery: string) => `${base}${pathAndQuery}`,
    /**
     * Composes and queues one email. `jobId` makes queueing idempotent (a digest window, a
     * notification); without it every call queues a message. `delayMs` holds it back (quiet hours).
     */
    async send(
      content: MailContent,
      options: { jobId?: string; delayMs?: number } = {},
    ): Promise<void> {
      await infra.jobs.add(sendJob, composeMail(content), {
        jobId: options.jobId ?? `mail-${randomUUID()}`,
        ...(options.delayMs ? { delay: options.delayMs } : {}),
      });
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;
