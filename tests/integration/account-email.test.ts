/**
 * The account flows that go through email, against a real SMTP server: verification on
 * registration, password reset (single use, newest link only, every session ended, the same
 * answer for unknown addresses) and a change of address confirmed at the new one.
 */
import type { MeResponse } from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import { uniqueSuffix } from '../support/harness';
import { tokenIn, useTestSmtp, type ReceivedMail } from '../support/smtp';
import { useTestServer } from '../support/use-server';

const PASSWORD = 'correct-horse-battery';

describe('account email flows', () => {
  const mail = useTestSmtp();
  const suite = useTestServer({ env: mail.env });

  const freshEmail = () => `acct-${uniqueSuffix()}@example.test`;
  const register = async (email = freshEmail()) => {
    const client = suite.server.client();
    const res = await client.post<MeResponse>('/api/auth/register', {
      displayName: 'Mail Tester',
      email,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    return { client, email, me: res.body };
  };
  const mailTo = (email: string, subject: string) =>
    mail.smtp.waitFor((m) => m.to.includes(email) && m.subject.includes(subject));
  const expectBothParts = (m: ReceivedMail) => {
    expect(m.text.length).toBeGreaterThan(20);
    expect(m.html).toContain('<p>');
    expect(m.subject).toContain('Oakfield');
  };

  it('sends a verification link on registration, and the link verifies once', async () => {
    const { client, email, me } = await register();
    expect(me.emailVerified).toBe(false);
    const message = await mailTo(email, 'Confirm your email address');
    expectBothParts(message);
    // A security message: no unsubscribe.
    expect(message.header('list-unsubscribe')).toBeNull();

    const token = tokenIn(message, '/verify-email');
    const verified = await suite.server.client().post('/api/auth/verify-email', { token });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ email, verified: true });
    expect((await client.get<MeResponse>('/api/me')).body.emailVerified).toBe(true);
    const again = await suite.server.client().post('/api/auth/verify-email', { token });
    expect(again.status).toBe(400);
  });

  it('resets a password once, ends every session, and answers unknown addresses the same', async () => {
    const { client: first, email } = await register();
    const second = await suite.server.login(email, PASSWORD);
    expect((await second.get('/api/me')).status).toBe(200);

    const anon = suite.server.client();
    const known = await anon.post('/api/auth/password-reset', { email });
    const unknown = await anon.post('/api/auth/password-reset', { email: freshEmail() });
    expect(unknown.status).toBe(known.status);
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);

    const message = await mailTo(email, 'Choose a new password');
    expectBothParts(message);
    const token = tokenIn(message, '/reset-password');
    const newPassword = 'a-brand-new-password';
    const reset = await anon.post('/api/auth/password-reset/confirm', { token, newPassword });
    expect(reset.status).toBe(204);

    expect((await first.get('/api/me')).status).toBe(401);
    expect((await second.get('/api/me')).status).toBe(401);
    const oldLogin = await suite.server
      .client()
      .post('/api/auth/login', { email, password: PASSWORD });
    expect(oldLogin.status).toBe(401);
    await expect(suite.server.login(email, newPassword)).resolves.toBeDefined();

    const twice = await anon.post('/api/auth/password-reset/confirm', {
      token,
      newPassword: 'yet-another-password',
    });
    expect(twice.status).toBe(400);
    await expect(suite.server.login(email, newPassword)).resolves.toBeDefined();
  });

  it('lets only the newest reset link work', async () => {
    const { email } = await register();
    const anon = suite.server.client();
    await anon.post('/api/auth/password-reset', { email });
    const older = tokenIn(await mailTo(email, 'Choose a new password'), '/reset-password');
    await anon.post('/api/auth/password-reset', { email });
    const newer = tokenIn(
      await mail.smtp.waitFor(
        (m) => m.to.includes(email) && m.subject.includes('Choose') && !m.text.includes(older),
      ),
      '/reset-password',
    );
    const body = (token: string) => ({ token, newPassword: 'another-good-password' });
    expect((await anon.post('/api/auth/password-reset/confirm', body(older))).status).toBe(400);
    expect((await anon.post('/api/auth/password-reset/confirm', body(newer))).status).toBe(204);
  });

  it('changes the address only when the link sent to the new address is opened', async () => {
    const { client, email } = await register();
    const newEmail = freshEmail();
    const wrong = await client.post('/api/me/email', { newEmail, password: 'not-my-password' });
    expect(wrong.status).toBe(401);
    const asked = await client.post('/api/me/email', { newEmail, password: PASSWORD });
    expect(asked.status).toBe(202);
    expect((await client.get<MeResponse>('/api/me')).body.email).toBe(email);

    const message = await mailTo(newEmail, 'Confirm your new email address');
    const token = tokenIn(message, '/change-email');
    const confirmed = await suite.server.client().post('/api/auth/email-change/confirm', { token });
    expect(confirmed.status).toBe(200);
    const me = (await client.get<MeResponse>('/api/me')).body;
    expect(me).toMatchObject({ email: newEmail, emailVerified: true });
  });

  it('answers a change to a taken address like any other, and tells the address instead', async () => {
    const { client } = await register();
    const { email: taken } = await register();
    const asked = await client.post('/api/me/email', { newEmail: taken, password: PASSWORD });
    expect(asked.status).toBe(202);
    await mailTo(taken, 'already has an account');
  });
});
