/**
 * The officer's desk in a real browser: approve a resident's proposal onto the map, and
 * clear the review queue with keyboard shortcuts (photo, checks and reason on screen).
 */
import type { Quest } from '@govcraft/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { jpegWithoutExif } from '../fixtures/photos';
import { DEMO } from '../support/harness';
import { screenshot, type Person } from './support/browser';
import { evidenceStatus, OAKFIELD_SPOT, postQuest, uniqueTitle } from './support/quests';
import { useBrowserSuite } from './support/suite';

describe('officer console', () => {
  const suite = useBrowserSuite();
  let officer: Person;

  beforeAll(async () => {
    officer = await suite.openAs(await suite.server.login(DEMO.officer));
  });

  it('approves a proposal and publishes it', { timeout: 120_000 }, async () => {
    const { server } = suite;
    const resident = await server.newResident('Proposing Pat');
    const now = Date.now();
    const title = uniqueTitle('Fix the bench by the pond');
    const proposed = await resident.post<Quest>('/api/areas/oakfield/proposals', {
      title,
      problem: 'The bench by the pond has a broken slat and nobody can sit on it.',
      desiredOutcome: 'The bench is safe to sit on again.',
      location: { ...OAKFIELD_SPOT, radiusM: 40 },
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 5 * 86_400_000).toISOString(),
      superpowers: ['social_fabric'],
      evidenceRules: { photo: true },
    });
    expect(proposed.status).toBe(201);

    const { page } = officer;
    await page.goto(`${server.url}/console/proposals`);
    const card = page.locator('form.proposal', { hasText: title });
    // Rejecting without a reason is refused next to the field.
    await card.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => card.locator('.field-error').textContent()).toContain('Say why');
    await card.getByRole('button', { name: 'Approve and publish' }).click();
    await card.waitFor({ state: 'detached' });
    const after = await resident.get<Quest>(`/api/quests/${proposed.body.id}`);
    expect(['published', 'active']).toContain(after.body.status);
  });

  it('reviews evidence with keyboard shortcuts', { timeout: 180_000 }, async () => {
    const { server } = suite;
    const quest = await postQuest(
      await server.login(DEMO.officer),
      uniqueTitle('Paint over the tag'),
    );
    const resident = await server.newResident('Reviewed Riley');
    expect((await resident.post(`/api/quests/${quest.id}/join`)).status).toBeLessThan(300);
    const form = new FormData();
    form.set(
      'checkin',
      JSON.stringify({ ...OAKFIELD_SPOT, accuracyM: 6, deviceTime: new Date().toISOString() }),
    );
    const photo = await jpegWithoutExif();
    form.set('photo', new Blob([new Uint8Array(photo.buffer)], { type: 'image/jpeg' }), photo.name);
    const sent = await resident.post<{ evidenceId: string }>(
      `/api/quests/${quest.id}/evidence`,
      form,
    );
    expect(sent.status).toBe(202);
    // A photo without camera details needs a person: wait until the worker says so.
    await expect
      .poll(() => evidenceStatus(resident, sent.body.evidenceId), { timeout: 60_000 })
      .toBe('needs_review');

    const { page } = officer;
    await page.goto(`${server.url}/console/review`);
    const item = page.locator(`.review-item[data-evidence-id="${sent.body.evidenceId}"]`);
    await item.waitFor();
    await expect
      .poll(() =>
        item.locator('img.review-photo').evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBeGreaterThan(0);
    expect(await item.locator('.check').count()).toBeGreaterThan(0);
    expect(await item.textContent()).toContain('from the spot');
    // The check-in drawn to scale against the quest's circle, described for screen readers.
    const map = item.getByRole('img', {
      name: /^Checked in \d+ m from the spot, inside the allowed/,
    });
    expect(await map.count()).toBe(1);
    await screenshot(page, 'console-review-item-desktop');

    // R jumps to the reason; A approves.
    await page.locator('body').press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('review-reason');
    await page.keyboard.type('Clear photo of the painted wall.');
    await page.locator('h1').click();
    await page.keyboard.press('a');
    await item.waitFor({ state: 'detached' });
    await expect
      .poll(() => evidenceStatus(resident, sent.body.evidenceId), { timeout: 30_000 })
      .toBe('verified');
    expect(officer.errors).toEqual([]);
  });
});
