/**
 * Real Chromium for end-to-end tests: one persistent context per person (each has its own
 * cookie jar and permissions), a freshly built client, screenshots and axe-core checks.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { TestServer } from '../../support/harness';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'tests/.artifacts/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PHONE = { width: 375, height: 667 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;
/** The narrowest phone still in use (iPhone SE first generation, small Androids). */
export const SMALL_PHONE = { width: 320, height: 568 } as const;

/** Builds client/dist when a source is newer than the build (the server serves it). */
export function ensureClientBuilt(): void {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts/build-client-if-stale.mjs')],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('building the client failed');
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, for failure reports. */
  errors: string[];
  /** What the browser console showed as errors (failed loads included, e.g. a 401). */
  consoleErrors: string[];
  close(): Promise<void>;
}

export async function openBrowser(
  viewport: { width: number; height: number } = DESKTOP,
): Promise<Person> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'govcraft-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  return {
    context,
    page,
    errors,
    consoleErrors,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the real sign-in page. */
export async function signIn(
  page: Page,
  server: TestServer,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${server.url}/`);
}

/** Registers through the real page; new residents join the area automatically. */
export async function register(
  page: Page,
  server: TestServer,
  displayName: string,
): Promise<string> {
  const email = `e2e-${Math.random().toString(36).slice(2, 10)}@example.test`;
  await page.goto(`${server.url}/register`);
  await page.getByLabel('Your name on leaderboards').fill(displayName);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill('correct-horse-battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL(`${server.url}/`);
  return email;
}

export async function waitForMap(page: Page): Promise<void> {
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
}

/** Where a lat/lng is on the page right now, from the map's own projection. */
export async function screenPointOf(page: Page, p: { lat: number; lng: number }) {
  const point = await page.evaluate((ll) => {
    const map = (
      window as unknown as {
        govcraftMap?: {
          screenPointOf(p: { lat: number; lng: number }): { x: number; y: number } | null;
        };
      }
    ).govcraftMap;
    return map?.screenPointOf(ll) ?? null;
  }, p);
  if (!point) throw new Error('the map is not ready');
  return point;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page; returns serious and critical violations only. The script is
 * evaluated over the DevTools protocol, which the page's CSP (no inline scripts) does not
 * govern, so the page under test keeps its production policy.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeResult = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    };
    const axe = (
      window as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  });
}

/** Copies a TestClient's session cookie into a browser context (API setup, UI assertions). */
export async function adoptSession(
  context: BrowserContext,
  server: TestServer,
  cookieHeader: string,
): Promise<void> {
  const cookies = cookieHeader
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: server.url };
    });
  await context.addCookies(cookies);
}

/**
 * Headings that jump more than one level down from the heading before them (an h1 followed
 * by an h3): screen-reader users navigate by heading level and lose their place at a skip.
 * Only headings a person can see or reach count.
 */
export function headingSkips(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const skips: string[] = [];
    let previous = 0;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('h1,h2,h3,h4,h5,h6'))) {
      if (el.closest('[hidden],[aria-hidden="true"]') || el.getClientRects().length === 0) continue;
      const level = Number(el.tagName[1]);
      if (level > previous + 1) skips.push(`h${level} after h${previous}: ${el.textContent ?? ''}`);
      previous = level;
    }
    return skips;
  });
}

/** How far the page scrolls sideways past the viewport, in CSS pixels (0 when it fits). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    return Math.max(0, Math.ceil(doc.scrollWidth - doc.clientWidth));
  });
}
