/**
 * The ballot cart in a real browser, keyboard only, on a phone: a resident follows the budget
 * link from the List tab, adds projects with Enter, hears the running total through the live region, hears why
 * a project that does not fit is refused, casts the ballot, and axe finds nothing serious.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BudgetRound, MyBallot } from '@govcraft/shared';
import { DEMO } from '../support/harness';
import {
  DESKTOP,
  PHONE,
  screenshot,
  seriousViolations,
  sidewaysOverflow,
  waitForMap,
} from './support/browser';
import { useBrowserSuite } from './support/suite';

/** Presses Tab until the focused element's text matches; fails after `max`. */
async function tabTo(page: Page, wanted: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (text === wanted) return;
  }
  throw new Error(`the keyboard never reached "${wanted}"`);
}

const announced = (page: Page) =>
  page.locator('.cart [aria-live="polite"]').textContent({ timeout: 5_000 });

async function untilAnnounced(page: Page, part: string) {
  await expect.poll(async () => (await announced(page)) ?? '', { timeout: 5_000 }).toContain(part);
}

describe('budget ballot cart', () => {
  const suite = useBrowserSuite();

  it(
    'fills the cart with the keyboard, announcing the total, at 375 px',
    { timeout: 300_000 },
    async () => {
      const { server } = suite;
      const voter = await server.newResident('Kai Voter');
      const { page } = await suite.openAs(voter, PHONE);
      await page.goto(`${server.url}/`);
      await waitForMap(page);

      // Tabs activate as the arrow keys reach them (Enter on the open tab closes the phone
      // sheet), so Right then Left opens the List, where the budget link waits.
      await tabTo(page, 'List');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await page.locator('.budget-cta a').waitFor({ timeout: 20_000 });
      await tabTo(page, 'Oakfield Community Fund 2026: voting is open. Fill your ballot');
      await page.keyboard.press('Enter');
      await page.locator('.cart').waitFor({ timeout: 20_000 });
      expect(new URL(page.url()).pathname).toBe('/budget');

      await tabTo(page, 'Add Benches and shade by the pond to ballot');
      await page.keyboard.press('Enter');
      await untilAnnounced(page, 'Added Benches and shade by the pond. £8,000 of £25,000 chosen');

      await tabTo(page, 'Add Safer underpass lighting to ballot');
      await page.keyboard.press('Enter');
      await untilAnnounced(page, '£20,000 of £25,000 chosen, £5,000 left, 2 projects.');
      // Focus stays on the same project's button, now the remove button.
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
        'Remove Safer underpass lighting from ballot',
      );

      await tabTo(page, 'Add Library homework club kit to ballot');
      await page.keyboard.press('Enter');
      await untilAnnounced(
        page,
        'Library homework club kit not added. Costs £1,000 more than you have left',
      );

      await screenshot(page, 'budget-cart-375');
      expect(await seriousViolations(page)).toEqual([]);

      await tabTo(page, 'Cast my ballot');
      await page.keyboard.press('Enter');
      await untilAnnounced(page, 'Your ballot is saved: £20,000');

      const rounds = await voter.get<{ items: { id: string; title: string }[] }>(
        '/api/areas/oakfield/budgets',
      );
      const round = rounds.body.items.find((r) => r.title === 'Oakfield Community Fund 2026')!;
      const mine = await voter.get<MyBallot>(`/api/budgets/${round.id}/ballot`);
      expect(mine.body.totalPence).toBe(2_000_000);
      expect(mine.body.projectIds).toHaveLength(2);
    },
  );

  it('shows the cart at 1280 px with no serious axe problem', { timeout: 300_000 }, async () => {
    const { server } = suite;
    const voter = await server.newResident('Desk Voter');
    const { page } = await suite.openAs(voter, DESKTOP);
    await page.goto(`${server.url}/budget`);
    await page.locator('.cart').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Add Canal towpath litter bins to ballot' }).click();
    await untilAnnounced(page, '£3,000 of £25,000 chosen');
    await screenshot(page, 'budget-cart-1280');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each([
    ['375', PHONE],
    ['1280', DESKTOP],
  ] as const)(
    'lets an officer see and move rounds in the console at %s px',
    { timeout: 300_000 },
    async (name, viewport) => {
      const { server } = suite;
      const officer = await server.login(DEMO.officer);
      const { page } = await suite.openAs(officer, viewport);
      await page.goto(`${server.url}/console/budgets`);
      await page
        .getByRole('heading', { name: /Oakfield Community Fund 2026/ })
        .waitFor({ timeout: 20_000 });
      await expect.poll(() => sidewaysOverflow(page)).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('.budget-round .button.secondary').first().scrollIntoViewIfNeeded();
      await screenshot(page, `budget-console-${name}`);
    },
  );
});

describe('budget proposals in the browser', () => {
  const suite = useBrowserSuite();

  it(
    'lets a resident propose a project with its cost in pounds',
    { timeout: 300_000 },
    async () => {
      const { server } = suite;
      const officer = await server.login(DEMO.officer);
      const rounds = await officer.get<{ items: BudgetRound[] }>('/api/areas/oakfield/budgets');
      for (const r of rounds.body.items.filter((x) => x.phase === 'voting')) {
        await officer.post(`/api/budgets/${r.id}/advance`, { from: 'voting' });
      }
      const day = 86_400_000;
      const opened = await officer.post<BudgetRound>('/api/areas/oakfield/budgets', {
        title: 'Spring fund',
        amountPence: 500_000,
        proposalsEndAt: new Date(Date.now() + day).toISOString(),
        feasibilityEndAt: new Date(Date.now() + 2 * day).toISOString(),
        votingEndAt: new Date(Date.now() + 3 * day).toISOString(),
      });
      expect(opened.status).toBe(201);

      const resident = await server.newResident('Pia Proposer');
      const { page } = await suite.openAs(resident, PHONE);
      await page.goto(`${server.url}/budget`);
      await page.getByLabel('Project name').fill('Wildflower verges');
      await page.getByLabel('What is it?').fill('Seed the verges on Mill Lane with wildflowers.');
      await page.getByLabel('Cost estimate in pounds').fill('750');
      await page.getByRole('button', { name: 'Propose project' }).click();
      await page.locator('.cart-project', { hasText: 'Wildflower verges' }).waitFor();
      expect(
        await page.locator('.cart-project', { hasText: 'Wildflower verges' }).textContent(),
      ).toContain('£750');
      await screenshot(page, 'budget-propose-375');
      expect(await seriousViolations(page)).toEqual([]);
    },
  );
});
