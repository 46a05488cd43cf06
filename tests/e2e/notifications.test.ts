/**
 * The notification centre in a real browser: a resident watching a place sees the unread
 * count rise, live, when an officer posts a quest nearby, and reads it with the keyboard.
 */
import type { Area } from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/harness';
import { PHONE, screenshot, seriousViolations } from './support/browser';
import { OAKFIELD_SPOT, postQuest, uniqueTitle } from './support/quests';
import { useBrowserSuite } from './support/suite';

describe('notification centre', () => {
  const suite = useBrowserSuite();

  it(
    'shows the unread count rise when an officer posts a quest nearby',
    { timeout: 120_000 },
    async () => {
      const { server } = suite;
      const resident = await server.newResident('Watching Wren');
      const area = (await resident.get<Area>('/api/areas/oakfield')).body;
      const watched = await resident.patch('/api/me/notification-preferences', {
        watch: { areaId: area.id, ...OAKFIELD_SPOT, radiusM: 500 },
      });
      expect(watched.status).toBe(200);

      const { page } = await suite.openAs(resident);
      await page.goto(server.url);
      const bell = page.locator('button.notif-bell');
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');
      // The socket is in the person's room once the app asked for the count.
      await page.waitForFunction(() =>
        document.querySelector('.notif-bell')?.hasAttribute('data-unread'),
      );

      const title = uniqueTitle('Clear the leaves by the library');
      const quest = await postQuest(await server.login(DEMO.officer), title);
      await expect
        .poll(() => bell.getAttribute('aria-label'), { timeout: 20_000 })
        .toBe('Notifications, 1 unread');
      expect(await page.locator('.notif-count').textContent()).toBe('1');
      const announced = page.locator('.notif [aria-live="polite"]');
      expect(await announced.textContent()).toBe('1 unread notification');

      // With the keyboard: open the centre, reach the notification, follow it to the quest.
      await bell.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => bell.getAttribute('aria-expanded')).toBe('true');
      const item = page.locator('.notif-item', { hasText: title });
      await item.waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'notifications-desktop');
      const link = item.locator('a.notif-link');
      await expect.poll(() => link.getAttribute('href')).toBe(`/?quest=${quest.id}`);
      for (let i = 0; i < 6 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
        await page.keyboard.press('Tab');
      }
      expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(() => bell.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');
      await page.getByRole('heading', { name: title }).waitFor();

      // Escape closes the centre and gives focus back to the bell.
      await bell.click();
      await page.keyboard.press('Escape');
      expect(await bell.evaluate((el) => el === document.activeElement)).toBe(true);

      const phone = await suite.openAs(resident, PHONE);
      await phone.page.goto(server.url);
      await phone.page.locator('button.notif-bell').click();
      await phone.page.locator('.notif-item', { hasText: title }).waitFor();
      await screenshot(phone.page, 'notifications-phone');
      await phone.page.getByRole('button', { name: 'Settings' }).click();
      await phone.page.locator('.notif-settings').waitFor();
      await screenshot(phone.page, 'notifications-settings-phone');
      await phone.page
        .locator('.notif-panel')
        .evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
      await screenshot(phone.page, 'notifications-settings-kinds-phone');
      expect(await seriousViolations(phone.page)).toEqual([]);
      // Saving from the keyboard reports back in words.
      await phone.page.getByRole('button', { name: 'Save settings' }).press('Enter');
      await phone.page.getByText('Settings saved.').waitFor();
    },
  );
});
