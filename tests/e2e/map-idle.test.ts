/**
 * Render on demand: an idle map puts its game loop to sleep and draws nothing; touching it
 * wakes it, and it sleeps again once the change has been drawn.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, waitForMap } from './support/browser';
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
});
