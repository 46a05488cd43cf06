/**
 * Render on demand: an idle map puts its game loop to sleep and draws nothing; touching it
 * wakes it, and it sleeps again once the change has been drawn.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, screenPointOf, screenshot, SMALL_PHONE, waitForMap } from './support/browser';
import { useBrowserSuite } from './support/suite';

const framesDrawn = (page: Page) =>
  page.evaluate(
    () =>
      (document.querySelector('[data-map-ready]') as unknown as { mapFramesDrawn: number })
        .mapFramesDrawn,
  );
const sleeping = (page: Page) => page.locator('[data-map-ready]').getAttribute('data-map-sleeping');

describe('the map sleeps when idle', () => {
  const suite = useBrowserSuite();

  it('draws no frames while idle and wakes for input', async () => {
    const { page } = await suite.open(PHONE);
    await page.goto(suite.server.url);
    await waitForMap(page);
    await expect.poll(() => sleeping(page), { timeout: 30_000 }).toBe('true');

    const asleepAt = await framesDrawn(page);
    // Let several animation frames' worth of time pass: a sleeping loop draws none of them.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          let left = 30;
          const next = () => (--left > 0 ? requestAnimationFrame(next) : resolve());
          requestAnimationFrame(next);
        }),
    );
    expect(await framesDrawn(page)).toBe(asleepAt);

    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => framesDrawn(page)).toBeGreaterThan(asleepAt);
    await expect.poll(() => sleeping(page), { timeout: 30_000 }).toBe('true');
  });

  for (const [size, viewport] of [
    ['320', SMALL_PHONE],
    ['375', PHONE],
  ] as const) {
    it(`keeps the opened quest's marker in sight above the sheet (${size} px)`, async () => {
      const { page } = await suite.open(viewport);
      await page.goto(suite.server.url);
      await waitForMap(page);
      await page.getByRole('tab', { name: 'List' }).click();
      const first = page.locator('.quest-item').first();
      const questId = await first.getAttribute('data-quest-id');
      await first.click();
      await page.locator('#sheet-title').waitFor();
      const quest = await page.evaluate(
        (id) => fetch(`/api/quests/${id}`).then((r) => r.json()),
        questId,
      );
      // Wait for the camera's pan to end: the loop sleeps once nothing moves.
      await expect.poll(() => sleeping(page), { timeout: 30_000 }).toBe('true');
      const at = await screenPointOf(page, quest.location);
      const map = (await page.locator('.map-pane').boundingBox())!;
      const sheet = (await page.locator('.panel').boundingBox())!;
      expect(at.x).toBeGreaterThan(map.x);
      expect(at.x).toBeLessThan(map.x + map.width);
      expect(at.y).toBeGreaterThan(map.y);
      expect(at.y).toBeLessThan(sheet.y);
      await screenshot(page, `map-quest-open-${size}`);
    });
  }
});
