/**
 * Before evidence leaves the phone: a check-in that cannot pass is held back with the distance
 * and what to do (not sent to be rejected), and a photo without camera details says it will
 * wait for an officer and offers a retake. The figures are the verifier's own.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/harness';
import { jpegWithExif, jpegWithoutExif } from '../fixtures/photos';
import { screenshot } from './support/browser';
import { OAKFIELD_SPOT, postQuest, uniqueTitle } from './support/quests';
import { useBrowserSuite } from './support/suite';

describe('evidence checked before sending', () => {
  const suite = useBrowserSuite();

  it('holds back a far check-in, then sends once the resident is there', async () => {
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
    const info = page.locator('.checkin-info').first();
    await expect.poll(() => info.textContent()).toMatch(/You are 1\.0 km from the spot/);
    expect(await info.textContent()).toContain('allowed');
    expect(await info.getAttribute('class')).toContain('warn');

    const farPhoto = await jpegWithExif({
      takenAt: new Date(),
      lat: far.latitude,
      lng: far.longitude,
    });
    await page
      .getByLabel(/Photo of the result/)
      .setInputFiles({ name: 'steps.jpg', mimeType: 'image/jpeg', buffer: farPhoto.buffer });
    await page.getByRole('button', { name: 'Send evidence' }).click();

    // Held back: the error names the check-in and the distance; nothing reached the server.
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.textContent()).toMatch(/outside the quest area.*1\.0 km/);
    expect(await page.locator('.status-card').count()).toBe(0);
    await screenshot(page, 'checkin-held-back-desktop');

    // At the spot, with a photo taken there now: sent, and the status card takes over.
    await context.setGeolocation({
      latitude: OAKFIELD_SPOT.lat + 0.0001,
      longitude: OAKFIELD_SPOT.lng,
      accuracy: 8,
    });
    await page.getByRole('button', { name: 'Check in again' }).click();
    await expect.poll(() => info.textContent()).toContain('inside the quest area');
    const here = await jpegWithExif({ takenAt: new Date(), ...OAKFIELD_SPOT });
    await page
      .getByLabel(/Photo of the result/)
      .setInputFiles({ name: 'steps.jpg', mimeType: 'image/jpeg', buffer: here.buffer });
    await page.getByRole('button', { name: 'Send evidence' }).click();
    await page.locator('.status-card').waitFor();
    expect(person.errors).toEqual([]);
  });

  it('says a photo without camera details goes to an officer, and offers the camera', async () => {
    const { server } = suite;
    const officer = await server.login(DEMO.officer);
    const quest = await postQuest(officer, uniqueTitle('Count the benches'));
    const person = await suite.openAs(await server.newResident('Bare Photo Bea'));
    const { page } = person;
    await page.goto(server.url);
    await page.locator('.quest-item', { hasText: quest.title }).click();
    await page.getByRole('button', { name: 'Join quest' }).click();

    const bare = await jpegWithoutExif();
    await page
      .getByLabel(/Photo of the result/)
      .setInputFiles({ name: 'bench.jpg', mimeType: 'image/jpeg', buffer: bare.buffer });
    const advice = page.locator('.photo-advice');
    await expect.poll(() => advice.textContent()).toMatch(/officer will take a look/);
    expect(await advice.textContent()).toMatch(/usually within two working days/);
    expect(
      await page.getByRole('button', { name: 'Take a new photo with the camera' }).count(),
    ).toBe(1);
    await screenshot(page, 'photo-advice-desktop');
    expect(person.errors).toEqual([]);
  });
});
