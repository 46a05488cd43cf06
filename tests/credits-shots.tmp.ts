// Temporary screenshot script (not part of the repo's tests); removed after use.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startGovcraft } from '@govcraft/server/boot';
import { parseConfig } from '@govcraft/server/config';
import { createTestDatabase } from './support/harness';

const db = await createTestDatabase();
const config = parseConfig(
  {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: await mkdtemp(path.join(os.tmpdir(), 'gc-shots-')),
    REDIS_URL: 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `gcshots${Date.now()}`,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    SEED: 'true',
    SCRYPT_LOG_N: '14',
    RATE_LIMIT_MULTIPLIER: '1000',
  },
  { clientDist: '/tmp/credits-dist' },
);
const handle = await startGovcraft(config, {});
const url = handle.localUrl!;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
try {
  for (const [width, who] of [[375, 'ben'], [1280, 'amara']] as const) {
    const page = await browser.newPage({ viewport: { width, height: width === 375 ? 1400 : 1000 } });
    await page.goto(`${url}/login`);
    await page.getByLabel('Email address').fill(`${who}@oakfield.example`);
    await page.getByLabel('Password').fill('oakfield-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${url}/`);
    await page.getByRole('tab', { name: 'Credits' }).click();
    await page.getByText('Your balance').waitFor();
    await page.getByRole('button', { name: /Spend 1 credit on Tea and cake/ }).click();
    await page.locator('.code-notice').waitFor();
    await page.screenshot({ path: `/tmp/credits-shots/credits-${width}.png`, fullPage: width === 1280 });
    const partner = page.locator('.partner-page');
    await partner.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/credits-shots/partner-${width}.png` });
    await page.getByRole('tab', { name: 'List' }).click();
    try {
      const list = await (await fetch(`${url}/api/areas/oakfield/quests?limit=100`)).json();
      const done = (list.items as { id: string; title: string }[]).find(
        (q) => q.title === 'Plant bulbs along the towpath',
      );
      await page.goto(`${url}/?quest=${done!.id}`);
      await page.locator('.quest-rating h3').waitFor({ timeout: 5000 });
      await page.locator('.quest-rating').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/credits-shots/rating-${width}.png` });
    } catch (err) {
      console.log('rating screenshot skipped', String(err).slice(0, 200));
      await page.screenshot({ path: `/tmp/credits-shots/debug-${width}.png` });
      console.log(page.url());
    }
    await page.close();
  }
  const officer = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await officer.goto(`${url}/login`);
  await officer.getByLabel('Email address').fill('officer@oakfield.example');
  await officer.getByLabel('Password').fill('oakfield-demo-2026');
  await officer.getByRole('button', { name: 'Sign in' }).click();
  await officer.waitForURL(`${url}/`);
  await officer.goto(`${url}/console/dashboard`);
  await officer.getByText('Social value by kind').waitFor();
  await officer.getByRole('heading', { name: 'Time credits and ratings' }).scrollIntoViewIfNeeded();
  await officer.screenshot({ path: '/tmp/credits-shots/dashboard-1280.png' });
  await officer.setViewportSize({ width: 375, height: 1400 });
  await officer.getByRole('heading', { name: 'Social value by kind' }).scrollIntoViewIfNeeded();
  await officer.screenshot({ path: '/tmp/credits-shots/dashboard-375.png' });
} finally {
  await browser.close();
  await handle.close();
  await db.drop();
}
