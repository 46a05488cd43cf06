/**
 * The review queue, one item at a time: photo large, every check's result, and
 * Approve / Reject with a reason. Keyboard: A approves, R goes to the reason, N skips.
 */
import { evidenceContracts, type ReviewQueueItem as ReviewItem } from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { clearErrors, formProblems, loadOrExplain, showErrors } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { checkList } from '../evidence/status-card';
import { toast } from '../ui/toast';
import { checkinMap } from './checkin-map';
import type { ConsoleContext, Section } from './types';

const isTyping = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function reviewSection(ctx: ConsoleContext): Section {
  let queue: ReviewItem[] = [];
  let index = 0;
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading the queue…'));
  const count = h('p', { class: 'hint', 'aria-live': 'polite' });

  async function decide(item: ReviewItem, decision: 'approve' | 'reject', form: HTMLElement) {
    clearErrors(form);
    const reason = form.querySelector<HTMLTextAreaElement>('textarea')!.value.trim();
    try {
      if (decision === 'reject' && !reason)
        throw formProblems({
          path: 'reason',
          message: 'say why, so the resident knows what to do next',
        });
      await call(evidenceContracts.reviewEvidence, {
        params: { evidenceId: item.id },
        body: { decision, reason: reason || 'Looks right.' },
      });
      toast(
        decision === 'approve'
          ? 'Approved. XP is on its way to them.'
          : 'Rejected; they will see your reason.',
        'success',
      );
      queue.splice(index, 1);
      render();
    } catch (err) {
      showErrors(form, err);
    }
  }

  function render() {
    count.textContent = queue.length ? `${queue.length} waiting, oldest first.` : '';
    if (!queue.length) {
      replaceChildren(
        body,
        h(
          'p',
          { class: 'empty-state' },
          'Nothing to review. Well done — every piece of evidence has an answer.',
        ),
      );
      return;
    }
    index = Math.min(index, queue.length - 1);
    const item = queue[index]!;
    const form = h(
      'form',
      { novalidate: true, class: 'review-decision' },
      h(
        'div',
        { class: 'form-group', 'data-field': 'reason' },
        h('label', { for: 'review-reason' }, 'Reason (the resident sees it; needed to reject)'),
        h('textarea', { id: 'review-reason', name: 'reason', rows: 3 }),
      ),
      h(
        'div',
        { class: 'table-actions' },
        h(
          'button',
          { type: 'button', class: 'button', onClick: () => void decide(item, 'approve', form) },
          'Approve (A)',
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'button warning',
            onClick: () => void decide(item, 'reject', form),
          },
          'Reject (R)',
        ),
        queue.length > 1
          ? h(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                onClick: () => {
                  index = (index + 1) % queue.length;
                  render();
                },
              },
              'Skip (N)',
            )
          : null,
      ),
    );
    replaceChildren(
      body,
      h(
        'article',
        { class: 'review-item', 'data-evidence-id': item.id, 'aria-labelledby': 'review-title' },
        h(
          'div',
          {},
          h('h2', { id: 'review-title' }, item.questTitle),
          h(
            'p',
            { class: 'hint' },
            `Sent ${dateTimeText(item.submittedAt)} by ${item.submitterName}`,
          ),
          item.photoUrl
            ? h('img', {
                class: 'review-photo',
                src: item.photoUrl,
                alt: `Photo sent as evidence for ${item.questTitle}`,
              })
            : h('p', { class: 'hint' }, 'No photo with this evidence.'),
          item.text ? [h('h3', {}, 'Their note'), h('p', { class: 'prose' }, item.text)] : null,
        ),
        h(
          'div',
          {},
          h('h3', {}, 'Checks'),
          item.checks.length
            ? checkList(item.checks)
            : h('p', { class: 'hint' }, 'No automatic checks ran.'),
          typeof item.score === 'number'
            ? h('p', {}, `Confidence ${Math.round(item.score * 100)}%`)
            : null,
          item.checkin
            ? h(
                'figure',
                { class: 'checkin-figure' },
                checkinMap(item.quest, item.checkin),
                h(
                  'figcaption',
                  { class: 'hint' },
                  'Solid circle: the quest area. Dashed: the distance allowed. Dot: the check-in, with its accuracy.',
                ),
              )
            : h('p', { class: 'hint' }, 'No check-in.'),
          form,
        ),
      ),
    );
  }

  const onKey = (e: KeyboardEvent) => {
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || !queue.length) return;
    const key = e.key.toLowerCase();
    if (key === 'a')
      body
        .querySelector<HTMLButtonElement>('.review-decision .button:not(.warning):not(.secondary)')
        ?.click();
    else if (key === 'r') {
      e.preventDefault();
      body.querySelector<HTMLTextAreaElement>('#review-reason')?.focus();
    } else if (key === 'n' && queue.length > 1) {
      index = (index + 1) % queue.length;
      render();
    }
  };
  document.addEventListener('keydown', onKey);

  const load = () =>
    loadOrExplain(
      body,
      () => call(evidenceContracts.getReviewQueue, { params: { slug: ctx.area.slug } }),
      (page) => {
        queue = page.items;
        render();
      },
    );
  void load();
  const refresh = h(
    'button',
    { type: 'button', class: 'button secondary', onClick: () => void load() },
    'Refresh',
  );
  return {
    el: h(
      'section',
      {},
      h('h1', {}, 'Review queue'),
      h(
        'p',
        { class: 'kbd-help hint' },
        'Shortcuts: ',
        h('kbd', {}, 'A'),
        ' approve, ',
        h('kbd', {}, 'R'),
        ' write a reason then Reject, ',
        h('kbd', {}, 'N'),
        ' next.',
      ),
      count,
      refresh,
      body,
    ),
    destroy: () => document.removeEventListener('keydown', onKey),
  };
}
