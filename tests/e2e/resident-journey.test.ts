/**
 * The whole game loop in three real browsers: an officer posts a quest by clicking the
 * map; a resident sees the marker arrive live, opens the quest from the list with the
 * keyboard, joins, checks in inside the geofence, sends a camera photo and watches it get
 * verified with XP; a teammate's leaderboard moves without a reload.
 */
import { describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD } from '../support/harness';
import { jpegWithExif } from '../fixtures/photos';
import { register, screenPointOf, screenshot, signIn, waitForMap } from './support/browser';
import { useBrowserSuite } from './support/suite';

describe('resident journey', () => {
  const suite = useBrowserSuite();

  it('posts, finds, joins, verifies and ranks a quest live', { timeout: 300_000 }, async () => {
    const { server } = suite;
    const suffix = Math.random().toString(36).slice(2, 7);
    const title = `Unblock the library drain ${suffix}`;
    const residentName = `Robin ${suffix}`;
    const teamName = `Drain Crew ${suffix}`;

    // The resident and a teammate are already looking at the map.
    const resident = await suite.open();
    const teammate = await suite.open();
    const people = [resident, teammate];
    await register(resident.page, server, residentName);
    await register(teammate.page, server, `Sam ${suffix}`);

    // Resident starts a team; the teammate joins it with the invite code.
    await resident.page.getByRole('tab', { name: 'Team' }).click();
    await resident.page.getByLabel('Team name').fill(teamName);
    await resident.page.getByRole('button', { name: 'Start a team' }).click();
    const code = (await resident.page
      .locator('.invite-code code')
      .textContent({ timeout: 20_000 }))!.trim();
    expect(code).toMatch(/^[A-Z2-9]{10}$/);
    await teammate.page.getByRole('tab', { name: 'Team' }).click();
    await teammate.page.getByLabel('Invite code').fill(code);
    await teammate.page.getByRole('button', { name: 'Join team' }).click();
    await expect
      .poll(() => teammate.page.locator('#team-heading').textContent(), { timeout: 20_000 })
      .toBe(teamName);

    await teammate.page.getByRole('tab', { name: 'Leaderboard' }).click();
    await teammate.page.locator('.board').first().waitFor();
    await teammate.page.evaluate(
      () => ((window as unknown as { notReloaded: boolean }).notReloaded = true),
    );

    await resident.page.getByRole('tab', { name: 'List' }).click();
    await waitForMap(resident.page);
    const mapBox = resident.page.locator('#map');
    const before = Number(await mapBox.getAttribute('data-quest-count'));

    // The officer places the quest by clicking the map.
    const officer = await suite.open();
    people.push(officer);
    await signIn(officer.page, server, DEMO.officer, DEMO_PASSWORD);
    await officer.page.goto(`${server.url}/console`);
    await waitForMap(officer.page);
    const target = { lat: 52.6296, lng: -1.1405 };
    const click = await screenPointOf(officer.page, target);
    await officer.page.mouse.click(click.x, click.y);
    const lat = Number(await officer.page.getByLabel('Latitude').inputValue());
    const lng = Number(await officer.page.getByLabel('Longitude').inputValue());
    expect(Math.abs(lat - target.lat)).toBeLessThan(0.0005);
    expect(Math.abs(lng - target.lng)).toBeLessThan(0.0005);
    await officer.page.getByLabel('Title', { exact: true }).fill(title);
    await officer.page
      .getByLabel('The problem')
      .fill('Leaves block the drain by the library steps, so the path floods.');
    await officer.page
      .getByLabel('What done looks like')
      .fill('The drain is clear and rain water runs away.');
    await officer.page.getByLabel('Radius in metres').fill('80');
    await officer.page.getByLabel('XP reward').fill('70');
    await officer.page.getByLabel(/^Blissful productivity/).check();
    await expect
      .poll(() => officer.page.locator('.preview-card .preview-title').textContent())
      .toBe(title);
    await screenshot(officer.page, 'journey-officer-post-desktop');
    await officer.page.getByRole('button', { name: 'Post quest' }).click();
    await officer.page.waitForURL(`${server.url}/console/quests`);
    await officer.page.locator('tr', { hasText: title }).waitFor();

    // The marker and the list item arrive on the resident's open page without a reload.
    await expect
      .poll(async () => Number(await mapBox.getAttribute('data-quest-count')), { timeout: 20_000 })
      .toBe(before + 1);
    const item = resident.page.locator('.quest-item', { hasText: title });
    await item.waitFor({ timeout: 20_000 });

    // Keyboard only: from the List tab, Tab until the new quest has focus, then Enter.
    await resident.page.locator('#tab-list').focus();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await resident.page.keyboard.press('Tab');
      reached = await item.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await resident.page.keyboard.press('Enter');
    await expect.poll(() => resident.page.locator('#sheet-title').textContent()).toBe(title);
    await expect
      .poll(() => resident.page.evaluate(() => document.activeElement?.id))
      .toBe('sheet-title');
    const join = resident.page.getByRole('button', { name: 'Join quest' });
    await join.focus();
    await resident.page.keyboard.press('Enter');
    await resident.page.getByRole('button', { name: 'Leave quest' }).waitFor();

    // Check in at the spot and send a camera photo taken there, now.
    await resident.context.grantPermissions(['geolocation'], { origin: server.url });
    await resident.context.setGeolocation({ latitude: lat + 0.0001, longitude: lng, accuracy: 8 });
    await resident.page.getByRole('button', { name: 'Check in here' }).click();
    await expect
      .poll(() => resident.page.locator('.checkin-info').textContent())
      .toContain('inside the quest area');
    const photo = await jpegWithExif({ takenAt: new Date(), lat, lng });
    await resident.page
      .getByLabel(/Photo of the result/)
      .setInputFiles({ name: 'drain.jpg', mimeType: 'image/jpeg', buffer: photo.buffer });
    await screenshot(resident.page, 'journey-evidence-desktop');
    await resident.page.getByRole('button', { name: 'Send evidence' }).click();

    const card = resident.page.locator('.status-card');
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 90_000 }).toBe('verified');
    await expect.poll(() => card.locator('.check.ok').count()).toBeGreaterThan(0);
    await expect
      .poll(() => resident.page.locator('.toast').allTextContents())
      .toContainEqual(expect.stringContaining('+70 XP'));
    await expect
      .poll(() => resident.page.locator('.hud-xp-text').textContent(), { timeout: 20_000 })
      .toBe('70 XP');
    // Once verified there is nothing left to leave: the sheet says it is done instead.
    await expect.poll(() => resident.page.locator('.done-banner').count()).toBe(1);
    expect(await resident.page.getByRole('button', { name: 'Leave quest' }).count()).toBe(0);
    await screenshot(resident.page, 'journey-verified-desktop');

    // The teammate's board shows the resident with the new XP, live.
    const row = teammate.page.locator('.board-row', { hasText: residentName });
    await expect.poll(() => row.locator('.xp').textContent(), { timeout: 30_000 }).toBe('70 XP');
    expect(
      await teammate.page.evaluate(
        () => (window as unknown as { notReloaded?: boolean }).notReloaded,
      ),
    ).toBe(true);
    await screenshot(teammate.page, 'journey-teammate-board-desktop');

    for (const p of people) expect(p.errors).toEqual([]);
  });
});
