/**
 * Offline play that keeps everything: with the network cut (Chromium's emulation), a resident
 * checks in for one quest and sends a photo for another; both wait in IndexedDB, survive a
 * reload served by the service worker, show as "2 waiting to send", and go through once each
 * when the connection returns, judged by their capture time.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../support/harness';
import { jpegWithExif } from '../fixtures/photos';
import { DESKTOP, PHONE, screenshot } from './support/browser';
import { OAKFIELD_SPOT, postQuest, uniqueTitle } from './support/quests';
import { useBrowserSuite } from './support/suite';

type Mine = { items: { questId: string; status: string }[] };

/** How many items the page's offline queue holds, read from IndexedDB itself. */
const queuedCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('govcraft-offline');
        open.onerror = () => reject(new Error('cannot open the offline queue'));
        open.onsuccess = () => {
          const count = open.result.transaction('evidence').objectStore('evidence').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );

async function openQuestSheet(page: Page, url: string, title: string) {
  await page.goto(url);
  await page.locator('.quest-item', { hasText: title }).click();
}

describe('offline evidence', () => {
  const suite = useBrowserSuite();

  it('serves an installable app whose service worker is always revalidated', async () => {
    const { server } = suite;
    const worker = await fetch(`${server.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('content-security-policy')).toContain("script-src 'self'");
    const manifest = (await (await fetch(`${server.url}/manifest.webmanifest`)).json()) as {
      display: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest.display).toBe('standalone');
    expect(manifest.icons.map((i) => i.sizes)).toContain('512x512');
    for (const icon of manifest.icons) {
      const res = await fetch(`${server.url}${icon.src}`);
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'image/png']);
    }
    const shell = await (await fetch(server.url)).text();
    expect(shell).toContain('<link rel="manifest" href="/manifest.webmanifest">');
  });

  it(
    'queues a check-in and a photo offline, survives a reload and sends each once',
    {
      timeout: 240_000,
    },
    async () => {
      const { server } = suite;
      const officer = await server.login(DEMO.officer);
      const checkinQuest = await postQuest(officer, uniqueTitle('Count the benches'), {
        evidenceRules: { checkin: true },
      });
      const photoQuest = await postQuest(officer, uniqueTitle('Photograph the mural'), {
        evidenceRules: { photo: true },
      });
      const resident = await server.newResident('Offline Olu');
      for (const q of [checkinQuest, photoQuest])
        expect((await resident.post(`/api/quests/${q.id}/join`, {})).status).toBeLessThan(300);

      const person = await suite.openAs(resident, DESKTOP);
      const { context } = person;
      const first = person.page;
      await openQuestSheet(first, server.url, checkinQuest.title);
      // Permissions and the emulated position apply to pages already open.
      await context.grantPermissions(['geolocation'], { origin: server.url });
      await context.setGeolocation({
        latitude: OAKFIELD_SPOT.lat + 0.0001,
        longitude: OAKFIELD_SPOT.lng,
        accuracy: 8,
      });
      // The service worker takes control of the page before the network goes.
      await expect
        .poll(() => first.evaluate(() => navigator.serviceWorker.controller !== null), {
          timeout: 30_000,
        })
        .toBe(true);
      await first.getByRole('button', { name: 'Check in here' }).waitFor();
      const second = await context.newPage();
      await openQuestSheet(second, server.url, photoQuest.title);
      await second.getByLabel(/Photo of the result/).waitFor();

      await context.setOffline(true);
      // Geolocation answers only the page in front.
      await first.bringToFront();
      await first.getByRole('button', { name: 'Check in here' }).click();
      await expect
        .poll(() => first.locator('.checkin-info').textContent())
        .toContain('inside the quest area');
      await first.getByRole('button', { name: 'Send evidence' }).click();
      await expect
        .poll(() => first.locator('.upload-progress').textContent())
        .toContain('saved on this phone');

      await second.bringToFront();
      const photo = await jpegWithExif({ takenAt: new Date(), ...OAKFIELD_SPOT });
      await second
        .getByLabel(/Photo of the result/)
        .setInputFiles({ name: 'mural.jpg', mimeType: 'image/jpeg', buffer: photo.buffer });
      await second.getByRole('button', { name: 'Send evidence' }).click();
      await expect
        .poll(() => second.locator('.upload-progress').textContent())
        .toContain('saved on this phone');
      await second.close();

      // Still offline: the shell comes from the service worker and the queue from IndexedDB.
      await first.reload();
      // The app itself starts offline: shell, area and the last quest list from the cache.
      await first.locator('.quest-item').first().waitFor();
      expect(await first.getByText('could not start').count()).toBe(0);
      const queue = first.locator('.offline-queue');
      await expect.poll(() => queue.locator('summary').textContent()).toBe('2 waiting to send');
      await queue.locator('summary').click();
      await expect.poll(() => queue.locator('.offline-item').count()).toBe(2);
      await first.setViewportSize(PHONE);
      await screenshot(first, 'offline-queue-375');
      await first.setViewportSize(DESKTOP);
      await screenshot(first, 'offline-queue-1280');
      expect(await queuedCount(first)).toBe(2);
      // Nothing reached the server while the network was cut.
      expect((await resident.get<Mine>('/api/me/evidence')).body.items).toHaveLength(0);

      await context.setOffline(false);
      await expect.poll(() => queuedCount(first), { timeout: 30_000 }).toBe(0);
      await expect.poll(() => queue.isHidden()).toBe(true);

      const decided = async () => {
        const mine = (await resident.get<Mine>('/api/me/evidence')).body.items;
        return [checkinQuest, photoQuest].map((q) =>
          mine.filter((e) => e.questId === q.id).map((e) => e.status),
        );
      };
      await expect.poll(decided, { timeout: 90_000 }).toEqual([['verified'], ['verified']]);
      expect(person.errors).toEqual([]);
      expect(person.consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    },
  );
});
