/**
 * The moderation queue: reported content grouped per item, oldest first, with every reason
 * given. A moderator hides (the author sees the reason), restores or dismisses; hidden
 * content leaves every open thread at once.
 */
import {
  moderationContracts,
  questsContracts,
  REPORT_STATUSES,
  type ReportQueueItem,
  type ReportStatus,
} from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren } from '../ui/dom';
import { clearErrors, formProblems, loadOrExplain, showErrors } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { toast } from '../ui/toast';
import type { ConsoleContext, Section } from './types';

const STATUS_LABEL: Record<ReportStatus, string> = {
  open: 'Waiting for a decision',
  upheld: 'Hidden after a report',
  dismissed: 'Dismissed or restored',
};

/** The quest's title for the card, or nothing when it cannot be read. */
async function questLine(questId: string | null, into: HTMLElement): Promise<void> {
  if (!questId) return;
  try {
    const q = await call(questsContracts.getQuest, { params: { questId } });
    into.textContent = `On the quest “${q.title}” (${q.status})`;
  } catch {
    into.remove();
  }
}

export function moderationSection(ctx: ConsoleContext): Section {
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading reports…'));
  let status: ReportStatus = 'open';

  function card(item: ReportQueueItem): HTMLElement {
    const { content } = item;
    const headingId = `report-${content.id}`;
    const reasonId = `decision-${content.id}`;
    const where = h('p', { class: 'hint' });
    void questLine(content.questId, where);
    const act = (action: string, label: string, cls: string) =>
      h('button', { type: 'button', class: `button ${cls}`, 'data-act': action }, label);
    const form = h(
      'form',
      { novalidate: true, class: 'proposal report-card', 'aria-labelledby': headingId },
      h('h2', { id: headingId }, `Comment by ${content.authorName}`),
      where,
      content.hidden ? h('p', { class: 'badge' }, 'Hidden now') : null,
      h(
        'blockquote',
        { class: 'prose' },
        content.text ?? h('em', {}, 'The author deleted this comment.'),
      ),
      h('h3', {}, item.reports.length === 1 ? '1 report' : `${item.reports.length} reports`),
      h(
        'ul',
        {},
        item.reports.map((r) =>
          h('li', {}, `“${r.reason}” — ${dateTimeText(r.createdAt)} (${STATUS_LABEL[r.status]})`),
        ),
      ),
      h(
        'div',
        { class: 'form-group', 'data-field': 'reason' },
        h('label', { for: reasonId }, 'Reason for your decision (the author sees it)'),
        h('textarea', { id: reasonId, name: 'reason', rows: 2 }),
      ),
      h(
        'div',
        { class: 'table-actions' },
        content.hidden
          ? act('restore', 'Restore', 'secondary')
          : act('hide', 'Hide comment', 'warning'),
        item.reports.some((r) => r.status === 'open')
          ? act('dismiss', 'Dismiss reports', 'secondary')
          : null,
      ),
    );
    form.addEventListener('click', async (e) => {
      const action = (e.target as HTMLElement).closest<HTMLElement>('[data-act]')?.dataset.act;
      if (action !== 'hide' && action !== 'restore' && action !== 'dismiss') return;
      clearErrors(form);
      const reason = form.querySelector<HTMLTextAreaElement>('textarea')!.value.trim();
      try {
        if (reason.length < 3) {
          throw formProblems({ path: 'reason', message: 'say why, in a few words' });
        }
        await call(moderationContracts.decideReport, {
          params: { slug: ctx.area.slug },
          body: { content: { kind: content.kind, id: content.id }, action, reason },
        });
        const done = { hide: 'Hidden', restore: 'Restored', dismiss: 'Reports dismissed' };
        toast(`${done[action]}.`, 'success');
        await load();
      } catch (err) {
        showErrors(form, err);
      }
    });
    return form;
  }

  const load = () =>
    loadOrExplain(
      body,
      () =>
        call(moderationContracts.listReports, {
          params: { slug: ctx.area.slug },
          query: { status },
        }),
      (r) =>
        replaceChildren(
          body,
          r.items.length
            ? r.items.map(card)
            : h('p', { class: 'empty-state' }, 'Nothing here. Reports from residents appear here.'),
        ),
    );

  const filter = h(
    'select',
    { id: 'report-status', name: 'status' },
    REPORT_STATUSES.map((s) => h('option', { value: s }, STATUS_LABEL[s])),
  );
  filter.addEventListener('change', () => {
    status = filter.value as ReportStatus;
    void load();
  });
  void load();
  return {
    el: h(
      'section',
      {},
      h('h1', {}, 'Moderation'),
      h('div', { class: 'form-group' }, h('label', { for: 'report-status' }, 'Show'), filter),
      body,
    ),
  };
}
