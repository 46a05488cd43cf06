/**
 * An idle map must not drain a phone: frames Phaser draws and main-thread busy time over 5 s
 * with nobody touching the map, beside a bare requestAnimationFrame loop in the same browser
 * (what an always-running game loop would draw). Target: at most 1 idle frame per second.
 * Read through the Chrome DevTools Protocol; prints figures, asserts nothing.
 *
 *   npx tsx tests/bench/map-idle.ts        (or `npm run bench -- map-idle`)
 */
import type { Page } from 'playwright-core';
import { startTestServer } from '../support/harness';
import { ensureClientBuilt, openBrowser, PHONE } from '../e2e/support/browser';
import { runWhenMain } from './main';

const WINDOW_MS = 5000;
const TARGET_IDLE_FPS = 1;

interface Sample {
  fps: number;
  busyShare: number;
}

/** Main-thread task time and a frame count over WINDOW_MS. */
async function sample(page: Page, frames: () => Promise<number>): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
  };
  const [t0, f0] = [await taskSeconds(), await frames()];
  await page.waitForTimeout(WINDOW_MS);
  const [t1, f1] = [await taskSeconds(), await frames()];
  await cdp.detach();
  return { fps: (f1 - f0) / (WINDOW_MS / 1000), busyShare: (t1 - t0) / (WINDOW_MS / 1000) };
}

const mapFrames = (page: Page) => () =>
  page.evaluate(
    () =>
      (document.querySelector('[data-map-ready]') as unknown as { mapFramesDrawn: number })
        .mapFramesDrawn,
  );

async function bareLoop(page: Page): Promise<Sample> {
  await page.setContent('<canvas width="375" height="400"></canvas>');
  // A string, not a function: the bench runs through tsx, whose helpers do not exist in the page.
  await page.evaluate(`
    window.rafFrames = 0;
    const tick = () => { window.rafFrames += 1; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  `);
  return sample(page, () =>
    page.evaluate(() => (window as unknown as { rafFrames: number }).rafFrames),
  );
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export async function benchMapIdle(): Promise<string[]> {
  ensureClientBuilt();
  const server = await startTestServer({ serveClient: true });
  const person = await openBrowser(PHONE);
  try {
    const { page } = person;
    await page.goto(server.url);
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector('[data-map-sleeping="true"]', { timeout: 30_000 });
    const idle = await sample(page, mapFrames(page));
    // The same map while someone keeps zooming: proves the loop wakes and what it costs.
    const zooming = setInterval(() => {
      void page
        .getByRole('button', { name: 'Zoom in' })
        .click()
        .catch(() => undefined);
    }, 500);
    const active = await sample(page, mapFrames(page)).finally(() => clearInterval(zooming));
    const bare = await bareLoop(page);
    return [
      `phone 375×667, ${WINDOW_MS / 1000} s windows, headless Chromium:`,
      `idle map: ${idle.fps.toFixed(2)} frames/s (target ≤ ${TARGET_IDLE_FPS}), main thread busy ${pct(idle.busyShare)}`,
      `map while zooming every 0.5 s: ${active.fps.toFixed(1)} frames/s, busy ${pct(active.busyShare)}`,
      `baseline, bare requestAnimationFrame loop: ${bare.fps.toFixed(1)} frames/s, busy ${pct(bare.busyShare)}`,
      `idle map draws ${(idle.fps / Math.max(1e-9, bare.fps)).toFixed(3)}× the frames of an always-on loop`,
    ];
  } finally {
    await person.close();
    await server.close();
  }
}

runWhenMain(import.meta.url, benchMapIdle);
