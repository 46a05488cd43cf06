/**
 * "Not fixed?" on a completed quest: a neighbour opens the quest sheet, reads its public
 * history, opens the report form with the keyboard, checks in at the spot and sends it;
 * once an officer reopens the quest the sheet says so and the history shows it. Looked at
 * (screenshots) at 375 and 1280 px, and checked with axe.
 */
import { describe, expect, it } from 'vitest';
import type { Quest } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import { DEMO } from '../support/harness';
import { DESKTOP, PHONE, screenshot, seriousViolations, waitForMap } from './support/browser';
import { evidenceStatus, OAKFIELD_SPOT, postQuest, uniqueTitle } from './support/quests';
import { useBrowserSuite } from './support/suite';

/** A check-in at the spot, sent through the real API, verified by the real worker. */
async function complete(resident: TestClient, quest: Quest) {
  expect((await resident.post(`/api/quests/${quest.id}/join`, {})).status).toBe(200);
  const form = new FormData();
  form.set(
    'checkin',
    JSON.stringify({ ...OAKFIELD_SPOT, accuracyM: 8, deviceTime: new Date().toISOString() }),
  );
  const sent = await resident.post<{ evidenceId: string }>(
    `/api/quests/${quest.id}/evidence`,
    form,
  );
  expect(sent.status).toBe(202);
  await expect
    .poll(() => evidenceStatus(resident, sent.body.evidenceId), { timeout: 60_000 })
    .toBe('verified');
}

describe('not fixed? on the quest sheet', () => {
  const suite = useBrowserSuite();

  it(
    'reports with the keyboard at 375 px and shows the reopened history at 1280 px',
    { timeout: 240_000 },
    async () => {
      const { server } = suite;
      const officer = await server.login(DEMO.officer);
      const quest = await postQuest(officer, uniqueTitle('Clear the drain'), {
        evidenceRules: { checkin: true },
      });
      await complete(await server.newResident('Fixer Fay'), quest);

      const phone = await suite.openAs(await server.newResident('Neighbour Nia'), PHONE);
      const { page, context } = phone;
      await page.goto(server.url);
      await waitForMap(page);
      await context.grantPermissions(['geolocation'], { origin: server.url });
      await context.setGeolocation({
        latitude: OAKFIELD_SPOT.lat,
        longitude: OAKFIELD_SPOT.lng,
        accuracy: 8,
      });
      await page.getByRole('tab', { name: 'List' }).click();
      await page.locator('.quest-item', { hasText: quest.title }).click();
      const history = page.getByRole('region', { name: 'History' });
      await expect.poll(() => history.locator('li').count()).toBeGreaterThanOrEqual(2);
      expect(await history.textContent()).toContain('Published by a council officer');
      expect(await history.textContent()).toContain('Not fixed? Residents can report it until');

      const toggle = page.getByRole('button', { name: 'Not fixed?' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      // The form opens on its first step, with focus there.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check in here');
      await page.keyboard.press('Enter');
      await expect
        .poll(() => page.locator('.not-fixed .checkin-info').textContent(), { timeout: 30_000 })
        .toContain('at the spot');
      await screenshot(page, 'not-fixed-form-phone');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Send report' }).click();
      const thanks = page.locator('.not-fixed-answer');
      await expect.poll(() => thanks.textContent()).toContain('Your report is being checked');
      expect(await thanks.getAttribute('role')).toBe('status');
      await screenshot(page, 'not-fixed-sent-phone');

      const reopened = await officer.post<Quest>(`/api/quests/${quest.id}/reopen`, {
        reason: 'Checked on site: the drain is blocked again.',
      });
      expect(reopened.status).toBe(200);
      const desk = await suite.openAs(await server.newResident('Desk Dev'), DESKTOP);
      await desk.page.goto(server.url);
      await waitForMap(desk.page);
      await desk.page.getByRole('tab', { name: 'List' }).click();
      await desk.page.locator('.quest-item', { hasText: quest.title }).click();
      await expect
        .poll(() => desk.page.locator('.reopened-banner').textContent())
        .toContain('It needs doing again');
      const deskHistory = desk.page.getByRole('region', { name: 'History' });
      await expect
        .poll(() => deskHistory.textContent())
        .toContain('Reopened: reported not fixed by a council officer');
      expect(await deskHistory.textContent()).toContain('the drain is blocked again');
      await deskHistory.scrollIntoViewIfNeeded();
      await screenshot(desk.page, 'not-fixed-reopened-desktop');
      expect(await seriousViolations(desk.page)).toEqual([]);
      expect(phone.errors).toEqual([]);
      expect(desk.errors).toEqual([]);
    },
  );
});
