/**
 * The Content-Security-Policy allows scripts from this origin only (no inline scripts), and
 * the app and the API docs page still load under it without a single violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD, startTestServer, type TestServer } from '../support/harness';
import { ensureClientBuilt, openBrowser, signIn, waitForMap, type Person } from './support/browser';

describe('content security policy in Chromium', () => {
  let server: TestServer;
  let person: Person;
  const violations: string[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    server = await startTestServer({ serveClient: true });
    person = await openBrowser();
    // Violations are DOM events, not console calls: each page reports them through a binding.
    await person.context.exposeFunction('reportCspViolation', (text: string) => {
      violations.push(text);
    });
    await person.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { reportCspViolation(t: string): void })
          .reportCspViolation;
        report(`${e.violatedDirective} refused ${e.blockedURI || 'inline'} at ${e.sourceFile}`);
      });
    });
  });

  afterAll(async () => {
    await person?.close();
    await server?.close();
  });

  it('sends a script-src without unsafe-inline', async () => {
    const res = await fetch(`${server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self';/);
  });

  it('loads the map, signed in, with no CSP violation', { timeout: 120_000 }, async () => {
    await signIn(person.page, server, DEMO.ben, DEMO_PASSWORD);
    await waitForMap(person.page);
    expect(violations).toEqual([]);
    expect(person.errors).toEqual([]);
  });

  it('renders the API docs page from its script file', { timeout: 60_000 }, async () => {
    await person.page.goto(`${server.url}/api/docs`);
    await person.page.waitForSelector('#docs details');
    expect(violations).toEqual([]);
  });

  it('refuses an inline script injected into the page, and reports it', async () => {
    await person.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
    });
    await expect.poll(() => violations.length).toBe(1);
    expect(violations[0]).toMatch(/^script-src/);
    expect(await person.page.evaluate(() => 'injected' in window)).toBe(false);
  });
});
