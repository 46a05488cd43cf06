/**
 * A comment thread in a real browser: a resident opens a quest from the list, reads the
 * officer's pinned answer, replies and comments with the keyboard alone (Tab, typing,
 * Enter), hears a neighbour's comment arrive live, and axe finds nothing serious. The
 * officer's moderation queue is checked the same way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Comment } from '@govcraft/shared';
import type { TestClient } from '../support/client';
import { DEMO } from '../support/harness';
import { DESKTOP, PHONE, screenshot, seriousViolations, waitForMap } from './support/browser';
import { postQuest, uniqueTitle } from './support/quests';
import { useBrowserSuite } from './support/suite';

async function comment(who: TestClient, questId: string, body: string, parentId?: string) {
  const res = await who.post<Comment>(`/api/quests/${questId}/comments`, { body, parentId });
  if (res.status !== 201) throw new Error(`comment: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Presses Tab until the focused element's accessible text matches; fails after `max`. */
async function tabTo(page: Page, matches: (text: string) => boolean, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return label ?? el.textContent ?? '';
    });
    if (matches(text.trim())) return;
  }
  throw new Error('the keyboard never reached the wanted control');
}

/** The focused element's text; empty when focus fell back to the page itself. */
const focusedText = (page: Page) =>
  page.evaluate(() =>
    document.activeElement === document.body ? '' : (document.activeElement?.textContent ?? ''),
  );

/** Opens a quest's sheet from the List tab by clicking (for tests about something else). */
async function openQuestSheet(page: Page, url: string, title: string): Promise<void> {
  await page.goto(`${url}/`);
  await waitForMap(page);
  await page.getByRole('tab', { name: 'List' }).click();
  await page.locator('.quest-item', { hasText: title }).click({ timeout: 20_000 });
  await page.locator('#sheet-title').waitFor();
}

describe('comment threads', () => {
  const suite = useBrowserSuite();

  it(
    'reads and posts in a thread with the keyboard only, live, with no serious axe problem',
    { timeout: 300_000 },
    async () => {
      const { server } = suite;
      const officer = await server.login(DEMO.officer);
      const title = uniqueTitle('Clear the canal towpath');
      const quest = await postQuest(officer, title);
      const asker = await server.newResident('Amira Asker');
      const question = await comment(asker, quest.id, 'Is the towpath open to bikes that morning?');
      const answer = await comment(
        officer,
        quest.id,
        'Walkers only; bikes can use Mill Lane.',
        question.id,
      );
      await officer.put(`/api/quests/${quest.id}/pinned-comment`, { commentId: answer.id });

      const reader = await suite.openAs(await server.newResident('Kai Reader'), DESKTOP);
      const { page } = reader;
      await page.goto(`${server.url}/`);
      await waitForMap(page);
      await page.getByRole('tab', { name: 'List' }).click();
      const item = page.locator('.quest-item', { hasText: title });
      await item.waitFor({ timeout: 20_000 });
      // Keyboard only from here: Tab from the List tab to the quest, Enter to open it.
      await page.locator('#tab-list').focus();
      let reached = false;
      for (let i = 0; i < 60 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await item.evaluate((el) => el === document.activeElement);
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await page.locator('#sheet-title').waitFor();

      // Reading: the officer's answer is pinned and marked as the council's, in words too.
      const officerAnswer = page.locator(`#comment-${answer.id}`);
      await officerAnswer.waitFor();
      expect(await officerAnswer.textContent()).toContain('Council officer');
      expect(await officerAnswer.getAttribute('class')).toContain('comment--council');
      expect(await page.locator('.comment-pinned').textContent()).toContain('Mill Lane');

      // Reply with the keyboard: Tab to the reply button, Enter, type, Tab, Enter.
      await tabTo(page, (t) => t === "Reply to Amira Asker's comment");
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
      await page.keyboard.type('Thanks, I will walk over.');
      await page.keyboard.press('Tab');
      expect(await focusedText(page)).toBe('Post reply');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedText(page)).toContain('Thanks, I will walk over.');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        return `${el?.tagName} in replies: ${!!el?.closest('.comment-replies')}`;
      });
      expect(focused).toBe('ARTICLE in replies: true');

      // A new comment: Tab to the box, type, Tab to the button, Enter; focus lands on it.
      await tabTo(page, (t) => t === 'Add a comment');
      await page.keyboard.type('I can bring litter pickers for four people.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => focusedText(page)).toContain('litter pickers for four');
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('ARTICLE');

      // A neighbour's comment arrives without a reload and is announced.
      await comment(await server.newResident('Noor Neighbour'), quest.id, 'See you at nine!');
      await page.locator('.comment', { hasText: 'See you at nine!' }).waitFor();
      await expect
        .poll(() => page.locator('.comments [role="status"]').textContent())
        .toContain('New comment from Noor Neighbour');

      await page.locator('.comments').scrollIntoViewIfNeeded();
      await screenshot(page, 'comments-thread-desktop');
      expect(await seriousViolations(page)).toEqual([]);
      await page.setViewportSize(PHONE);
      await page.locator('.comments').scrollIntoViewIfNeeded();
      await screenshot(page, 'comments-thread-phone');
      expect(await seriousViolations(page)).toEqual([]);
      expect(reader.errors).toEqual([]);
    },
  );

  it(
    'shows reported comments in the console queue, where an officer hides one',
    { timeout: 300_000 },
    async () => {
      const { server } = suite;
      const officer = await server.login(DEMO.officer);
      const quest = await postQuest(officer, uniqueTitle('Paint the bus shelter'));
      const author = await server.newResident('Rex Rude');
      const rude = await comment(author, quest.id, 'Only idiots would volunteer for this.');
      const reporter = await server.newResident('Rita Reporter');
      await reporter.post('/api/reports', {
        content: { kind: 'comment', id: rude.id },
        reason: 'Insults the volunteers',
      });

      // The author is reading the thread while the officer decides.
      const authorView = await suite.openAs(author, DESKTOP);
      await openQuestSheet(authorView.page, server.url, quest.title);
      const own = authorView.page.locator(`#comment-${rude.id}`);
      await own.waitFor();

      const desk = await suite.openAs(officer, DESKTOP);
      await desk.page.goto(`${server.url}/console/moderation`);
      const card = desk.page.locator('.report-card', { hasText: 'Only idiots' });
      await card.waitFor({ timeout: 20_000 });
      expect(await card.textContent()).toContain('Insults the volunteers');
      await screenshot(desk.page, 'console-moderation-desktop');
      expect(await seriousViolations(desk.page)).toEqual([]);
      await desk.page.setViewportSize(PHONE);
      await screenshot(desk.page, 'console-moderation-phone');
      expect(await seriousViolations(desk.page)).toEqual([]);

      await card.getByLabel('Reason for your decision').fill('Insults break the community rules');
      await card.getByRole('button', { name: 'Hide comment' }).click();
      await desk.page
        .locator('.report-card', { hasText: 'Only idiots' })
        .waitFor({ state: 'detached' });
      const seen = await server
        .client()
        .get<{ items: Comment[] }>(`/api/quests/${quest.id}/comments`);
      expect(seen.body.items.map((c) => c.id)).not.toContain(rude.id);
      // Live, without a reload: the author sees that it was hidden, and why.
      await expect.poll(() => own.textContent()).toContain('A moderator hid your comment');
      expect(await own.textContent()).toContain('Insults break the community rules');
      await own.scrollIntoViewIfNeeded();
      await screenshot(authorView.page, 'comments-hidden-author-desktop');
      expect(desk.errors).toEqual([]);
      expect(authorView.errors).toEqual([]);
    },
  );
});
