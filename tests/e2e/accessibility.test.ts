/**
 * Every page at phone and desktop size: axe-core finds no serious or critical problem, and
 * a screenshot is saved under tests/.artifacts/screenshots for people to look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/harness';
import {
  DESKTOP,
  headingSkips,
  PHONE,
  screenshot,
  seriousViolations,
  sidewaysOverflow,
  SMALL_PHONE,
  waitForMap,
  type AxeViolation,
  type Person,
} from './support/browser';
import { useBrowserSuite } from './support/suite';

interface Visit {
  name: string;
  who: 'visitor' | 'resident' | 'officer';
  path: string;
  /** What to do after loading, e.g. open a tab. */
  then?: (page: Page) => Promise<void>;
  map?: boolean;
  /** Stay on the page the previous visit left (tabs of the same app). */
  samePage?: boolean;
}

const openTab = (name: string) => async (page: Page) => {
  await page.getByRole('tab', { name }).click();
  await page.locator('.panel-body h2').first().waitFor();
  // Panels fetch their data after opening; wait until no "Loading…" remains.
  await page.waitForFunction(
    () =>
      !document.querySelector('.panel-body [role="status"]')?.textContent?.startsWith('Loading'),
  );
};

/** Opens the List tab, clicks `target` and waits until `shown` is on the page. */
const fromList = (target: string, shown: string) => async (page: Page) => {
  await openTab('List')(page);
  await page.locator(target).click();
  await page.locator(shown).waitFor();
};

/** Sends a form as it is (empty) and waits for its error summary. */
const submitAsIs = (button: string) => async (page: Page) => {
  await page.getByRole('button', { name: button }).click();
  await page.locator('.error-summary').waitFor();
};

const shows = (selector: string) => (page: Page) => page.locator(selector).first().waitFor();

const VISITS: Visit[] = [
  { name: 'map-signed-out', who: 'visitor', path: '/', map: true },
  { name: 'login', who: 'visitor', path: '/login' },
  { name: 'register', who: 'visitor', path: '/register' },
  { name: 'login-errors', who: 'visitor', path: '/login', then: submitAsIs('Sign in') },
  { name: 'map-list', who: 'resident', path: '/', map: true, then: openTab('List') },
  {
    name: 'quest-sheet',
    who: 'resident',
    path: '/',
    map: true,
    then: fromList('.quest-item >> nth=0', '#sheet-title'),
  },
  { name: 'leaderboard', who: 'resident', path: '/', samePage: true, then: openTab('Leaderboard') },
  { name: 'story', who: 'resident', path: '/', samePage: true, then: openTab('Story') },
  { name: 'team', who: 'resident', path: '/', samePage: true, then: openTab('Team') },
  { name: 'profile', who: 'resident', path: '/', samePage: true, then: openTab('Me') },
  {
    name: 'propose-quest',
    who: 'resident',
    path: '/',
    samePage: true,
    then: fromList('.propose-button', '#propose-title'),
  },
  {
    name: 'propose-quest-errors',
    who: 'resident',
    path: '/',
    samePage: true,
    then: submitAsIs('Send your idea'),
  },
  { name: 'budget', who: 'resident', path: '/budget', then: shows('.cart') },
  { name: 'console-post', who: 'officer', path: '/console', map: true },
  { name: 'console-quests', who: 'officer', path: '/console/quests', then: shows('table') },
  { name: 'console-proposals', who: 'officer', path: '/console/proposals', then: shows('main h1') },
  { name: 'console-review', who: 'officer', path: '/console/review', then: shows('main h1') },
  {
    name: 'console-budgets',
    who: 'officer',
    path: '/console/budgets',
    then: shows('.budget-round'),
  },
  {
    name: 'console-dashboard',
    who: 'officer',
    path: '/console/dashboard',
    then: shows('.stat-grid'),
  },
  {
    name: 'console-integrations',
    who: 'officer',
    path: '/console/integrations',
    then: shows('article.status-card'),
  },
];

describe('accessibility and screenshots', () => {
  const suite = useBrowserSuite();

  /** Labels of panel tabs that stick out of the viewport, left or right. */
  function tabsOutsideViewport(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.panel-tabs [role="tab"]'))
        .filter((tab) => {
          const box = tab.getBoundingClientRect();
          return box.left < 0 || box.right > document.documentElement.clientWidth + 0.5;
        })
        .map((tab) => tab.textContent ?? ''),
    );
  }

  for (const [size, viewport] of [
    ['small-phone', SMALL_PHONE],
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(
      `has no serious or critical axe violations on any page (${size})`,
      { timeout: 300_000 },
      async () => {
        const { server } = suite;
        const people: Record<Visit['who'], Person> = {
          visitor: await suite.open(viewport),
          resident: await suite.openAs(await server.newResident('Axe Tester'), viewport),
          officer: await suite.openAs(await server.login(DEMO.officer), viewport),
        };

        const found: Record<string, AxeViolation[]> = {};
        const clipped: Record<string, string[]> = {};
        const skipped: Record<string, string[]> = {};
        const overflowing: Record<string, number> = {};
        for (const visit of VISITS) {
          const { page } = people[visit.who];
          if (!visit.samePage) {
            await page.goto(`${server.url}${visit.path}`);
            if (visit.map) await waitForMap(page);
            else await page.locator('main').first().waitFor();
          }
          await visit.then?.(page);
          await screenshot(page, `${visit.name}-${size}`);
          const violations = await seriousViolations(page);
          if (violations.length) found[visit.name] = violations;
          const outside = await tabsOutsideViewport(page);
          if (outside.length) clipped[visit.name] = outside;
          const skips = await headingSkips(page);
          if (skips.length) skipped[visit.name] = skips;
          const sideways = await sidewaysOverflow(page);
          if (sideways > 0) overflowing[visit.name] = sideways;
        }
        expect(found).toEqual({});
        // Every panel tab is whole on screen, even on a 375 px phone.
        expect(clipped).toEqual({});
        // Heading levels never skip, so heading navigation keeps its place.
        expect(skipped).toEqual({});
        // No page scrolls sideways, console tables included.
        expect(overflowing).toEqual({});
        for (const p of Object.values(people)) expect(p.errors).toEqual([]);
        // A visitor's first look logs nothing red in the console (no 401 from a profile call).
        expect(people.visitor.consoleErrors).toEqual([]);
      },
    );
  }
});
