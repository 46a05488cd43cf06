/** Evidence from outside the geofence is not accepted, and the page says why. */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/harness';
import { jpegWithExif } from '../fixtures/photos';
import { screenshot } from './support/browser';
import { OAKFIELD_SPOT, postQuest, uniqueTitle } from './support/quests';
import { useBrowserSuite } from './support/suite';

describe('check-in outside the geofence', () => {
  const suite = useBrowserSuite();

  it('shows the distance before sending and the reason after', { timeout: 180_000 }, async () => {
    const { server } = suite;
    const officer = await server.login(DEMO.officer);
    const quest = await postQuest(officer, uniqueTitle('Sweep the station steps'));
    const person = await suite.openAs(await server.newResident('Far Away Fran'));
    const { page, context } = person;
    await page.goto(server.url);
    await page.locator('.quest-item', { hasText: quest.title }).click();
    await page.getByRole('button', { name: 'Join quest' }).click();

    // About 1 km north of the spot.
    const far = { latitude: OAKFIELD_SPOT.lat + 0.009, longitude: OAKFIELD_SPOT.lng };
    await context.grantPermissions(['geolocation'], { origin: server.url });
    await context.setGeolocation({ ...far, accuracy: 10 });
    await page.getByRole('button', { name: 'Check in here' }).click();
    const info = page.locator('.checkin-info');
    await expect.poll(() => info.textContent()).toContain('outside the quest area');
    expect(await info.getAttribute('class')).toContain('warn');

    const photo = await jpegWithExif({
      takenAt: new Date(),
      lat: far.latitude,
      lng: far.longitude,
    });
    await page
      .getByLabel(/Photo of the result/)
      .setInputFiles({ name: 'steps.jpg', mimeType: 'image/jpeg', buffer: photo.buffer });
    await page.getByRole('button', { name: 'Send evidence' }).click();

    const card = page.locator('.status-card');
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 90_000 }).toBe('rejected');
    await expect.poll(() => card.locator('.status-headline').textContent()).toBe('Not accepted');
    const reason = (await card.locator('.status-reason').textContent()) ?? '';
    expect(reason.length).toBeGreaterThan(10);
    const failedLocation = card.locator('.check.failed', { hasText: 'Location' });
    expect(await failedLocation.count()).toBe(1);
    await expect
      .poll(() => card.getByRole('button', { name: 'Send new evidence' }).isVisible())
      .toBe(true);
    await screenshot(page, 'geofence-rejected-desktop');
    expect(person.errors).toEqual([]);
  });
});
