/**
 * Two areas on one server: `/` lets a visitor choose (a list of links and a map), opens the
 * choice with the keyboard, remembers it on the device, and honours `/a/{slug}` links.
 * Screenshots at phone and desktop size go to tests/.artifacts/screenshots.
 */
import { loadDemoMap } from '@govcraft/server/seed/seed';
import type { AreaBoundary } from '@govcraft/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/client';
import { DEMO, uniqueSuffix } from '../support/harness';
import { DESKTOP, headingSkips, PHONE, screenshot, seriousViolations } from './support/browser';
import { useBrowserSuite } from './support/suite';

/** Oakfield's boundary moved east, so the two areas sit side by side on the chooser's map. */
function shiftedEast(boundary: AreaBoundary, degrees: number): AreaBoundary {
  const shift = (ring: number[][]) =>
    ring.map(([lng, lat]) => [lng! + degrees, lat!] as [number, number]);
  return boundary.type === 'Polygon'
    ? { type: 'Polygon', coordinates: boundary.coordinates.map(shift) }
    : { type: 'MultiPolygon', coordinates: boundary.coordinates.map((p) => p.map(shift)) };
}

const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const areaNameShown = (page: Page) => page.locator('.app-header .area-name').textContent();

describe('choosing an area', () => {
  const suite = useBrowserSuite();
  let riverside: string;
  let admin: TestClient;

  beforeAll(async () => {
    admin = await suite.server.login(DEMO.admin);
    riverside = `riverside-${uniqueSuffix()}`;
    const res = await admin.post('/api/areas', {
      name: 'Riverside',
      slug: riverside,
      timezone: 'Europe/London',
      boundary: shiftedEast(loadDemoMap().boundary as AreaBoundary, 0.03),
    });
    expect(res.status).toBe(201);
  });

  it('lists both areas beside a map, opens one from the keyboard and remembers it', async () => {
    const { page } = await suite.open(DESKTOP);
    await page.goto(`${suite.server.url}/`);
    await page.getByRole('heading', { name: 'Choose your area', level: 1 }).waitFor();
    const list = page.getByRole('navigation', { name: 'Areas' });
    const names = await list.getByRole('link').allTextContents();
    expect(names.map((n) => n.trim()).sort()).toEqual(['Oakfield', 'Riverside']);
    await expect
      .poll(() => page.getByRole('img', { name: /Map of the areas/ }).isVisible())
      .toBe(true);
    expect(await page.locator('.area-map__shape').count()).toBe(2);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await headingSkips(page)).toEqual([]);
    await screenshot(page, 'area-chooser-desktop');

    // Tab to Riverside's link and press Enter.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
      if (focused.includes('Riverside')) break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/a/${riverside}`);
    await page.locator('.app-header .area-name').waitFor();
    expect(await areaNameShown(page)).toContain('Riverside');
    expect(await page.evaluate(() => localStorage.getItem('govcraft.area'))).toBe(riverside);

    // Back at the root, the device remembers; the header leads back to the chooser.
    await page.goto(`${suite.server.url}/`);
    await page.waitForURL(`**/a/${riverside}`);
    expect(await areaNameShown(page)).toContain('Riverside');
    await screenshot(page, 'area-app-desktop');
    await page.getByRole('link', { name: 'Change area', exact: true }).click();
    await page.getByRole('heading', { name: 'Choose your area', level: 1 }).waitFor();
  });

  it('fits a signed-in resident header on a phone, with the way back to the chooser', async () => {
    const resident = await suite.server.newResident('Phone Player');
    const { page } = await suite.openAs(resident, PHONE);
    await page.goto(`${suite.server.url}/a/oakfield`);
    await page.locator('.hud .level-badge').waitFor();
    await page.getByRole('link', { name: /GovCraft.*change area/ }).click();
    await page.getByRole('heading', { name: 'Choose your area', level: 1 }).waitFor();
    await page.goBack();
    await page.locator('.hud .level-badge').waitFor();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'area-app-resident-phone');
  });

  it('opens an area clicked on the map', async () => {
    const { page } = await suite.open(DESKTOP);
    await page.goto(`${suite.server.url}/areas`);
    await page.locator('.area-map__shape[data-slug="oakfield"]').click();
    await page.waitForURL('**/a/oakfield');
    expect(await areaNameShown(page)).toContain('Oakfield');
  });

  it('honours /a/{slug} links on a phone, and says when an area does not exist', async () => {
    const { page } = await suite.open(PHONE);
    await page.goto(`${suite.server.url}/a/${riverside}`);
    // Phones show the area's name in the page title only; the header has no room for it.
    await page.locator('.app-header .area-name').waitFor({ state: 'attached' });
    expect(await areaNameShown(page)).toContain('Riverside');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'area-app-phone');

    await page.goto(`${suite.server.url}/a/nowhere`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('There is no area called “nowhere”');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'area-chooser-phone');
  });

  it('says an archived area can be looked at but not added to', async () => {
    expect((await admin.post(`/api/areas/${riverside}/archive`)).status).toBe(200);
    const { page } = await suite.open(DESKTOP);
    await page.goto(`${suite.server.url}/areas`);
    const link = page.getByRole('link', { name: /Riverside/ });
    expect(await link.textContent()).toContain('Archived: you can look, not add');
    await link.click();
    const banner = page.locator('.archived-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toBe(
      'Riverside is archived: you can look at its quests, but nothing new can be added.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'area-app-archived-desktop');
  });
});
