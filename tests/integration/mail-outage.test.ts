/**
 * A mail server that is down never fails the request that causes mail: the request answers,
 * the send job fails and waits, and the message goes out once the server is back.
 */
import type { Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/harness';
import { tokenIn, useTestSmtp } from '../support/smtp';
import { useTestServer } from '../support/use-server';
import { waitFor } from './quest-helpers';

describe('mail while the SMTP server is down', () => {
  const mail = useTestSmtp();
  const suite = useTestServer({ env: mail.env, seed: false });

  it('answers the request, retries the send, and delivers when the server is back', async () => {
    await mail.smtp.stop();
    const email = `outage-${uniqueSuffix()}@example.test`;
    const client = suite.server.client();
    const registered = await client.post('/api/auth/register', {
      displayName: 'Patient Pat',
      email,
      password: 'correct-horse-battery',
    });
    expect(registered.status).toBe(201);
    const reset = await suite.server.client().post('/api/auth/password-reset', { email });
    expect(reset.status).toBe(202);

    const queue = suite.server.handle.infra.jobs.queue('mail');
    const sendJobsTo = async () =>
      (await queue.getJobs(['delayed', 'waiting', 'active', 'failed', 'completed']))
        .filter((j): j is Job => !!j && j.name === 'mail.send')
        .filter((j) => (j.data as { data: { to: string } }).data.to === email);
    // Both messages have failed at least once against the stopped server.
    const failedOnce = await waitFor('both sends to fail once', async () => {
      const jobs = await sendJobsTo();
      return jobs.length === 2 && jobs.every((j) => j.attemptsMade >= 1) && jobs;
    });
    expect(failedOnce.every((j) => j.failedReason)).toBe(true);
    expect(mail.smtp.to(email)).toHaveLength(0);

    await mail.smtp.start();
    const verification = await mail.smtp.waitFor(
      (m) => m.to.includes(email) && m.subject.includes('Confirm your email'),
      30_000,
    );
    const resetMail = await mail.smtp.waitFor(
      (m) => m.to.includes(email) && m.subject.includes('Choose a new password'),
      30_000,
    );
    // The links still work after the wait.
    const verified = await client.post('/api/auth/verify-email', {
      token: tokenIn(verification, '/verify-email'),
    });
    expect(verified.status).toBe(200);
    expect(tokenIn(resetMail, '/reset-password')).toHaveLength(43);
  });
});
