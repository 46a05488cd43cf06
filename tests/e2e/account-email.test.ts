/**
 * The email flows in a real browser, on the embedded defaults (no SMTP_URL): mail lands in
 * DATA_DIR/mail as .eml files, and the links in them work. Forgot password → reset page →
 * sign in with the new password; the verification link confirms the address.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../integration/quest-helpers';
import type { TestServer } from '../support/harness';
import { DESKTOP, PHONE, register, screenshot, seriousViolations, signIn } from './support/browser';
import { useBrowserSuite } from './support/suite';

/** The newest .eml file to `to` whose subject has `subject`, parsed. */
async function emlTo(server: TestServer, to: string, subject: string) {
  const dir = path.join(server.dataDir, 'mail');
  return waitFor(`a ${subject} email to ${to}`, async () => {
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) =>
      f.endsWith('.eml'),
    );
    for (const file of files.sort().reverse()) {
      const mail = await simpleParser(await readFile(path.join(dir, file)));
      const addressed = [mail.to ?? []].flat().some((a) => a.text.includes(to));
      if (addressed && mail.subject?.includes(subject)) return mail;
    }
    return null;
  });
}

const linkIn = (text: string, page: string) =>
  new RegExp(`(/${page}\\?token=[A-Za-z0-9_-]+)`).exec(text)?.[1] ?? '';

describe('account email pages', () => {
  const suite = useBrowserSuite();

  it('resets a forgotten password from the emailed link', { timeout: 120_000 }, async () => {
    const { server } = suite;
    const visitor = await suite.open(DESKTOP);
    const email = await register(visitor.page, server, 'Forgetful Fern');

    const verification = await emlTo(server, email, 'Confirm your email address');
    expect(verification.html).toBeTruthy();
    await visitor.page.goto(`${server.url}${linkIn(verification.text ?? '', 'verify-email')}`);
    await screenshot(visitor.page, 'verify-email-desktop');
    await visitor.page.getByRole('button', { name: 'Confirm my email address' }).click();
    await visitor.page.getByRole('heading', { name: 'Email address confirmed' }).waitFor();

    const { page } = await suite.open(PHONE);
    await page.goto(`${server.url}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'forgot-password-phone');
    await page.getByLabel('Email address').fill(email);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await page.getByRole('status').textContent()).toContain(
      'If that address has an account',
    );

    const reset = await emlTo(server, email, 'Choose a new password');
    await page.goto(`${server.url}${linkIn(reset.text ?? '', 'reset-password')}`);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.locator('.error-summary').waitFor();
    await screenshot(page, 'reset-password-error-phone');
    await page.getByLabel('New password').fill('a-much-better-password');
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.getByRole('heading', { name: 'Your password is changed' }).waitFor();

    // The browser that registered was signed out by the reset.
    await visitor.page.goto(`${server.url}/change-email`);
    await visitor.page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await signIn(visitor.page, server, email, 'a-much-better-password');
    await visitor.page.goto(`${server.url}/change-email`);
    await visitor.page.getByLabel('New email address').waitFor();
    expect(await seriousViolations(visitor.page)).toEqual([]);
    await screenshot(visitor.page, 'change-email-desktop');
  });
});
