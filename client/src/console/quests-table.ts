/** The officer's quest table: status, dates, completions, filters, and bulk close/extend. */
import {
  QUEST_STATUSES,
  QUEST_TRANSITIONS,
  questsContracts,
  type Quest,
  type QuestStatus,
} from '@govcraft/shared';
import { call } from '../net/call';
import { asCardTable } from '../ui/card-table';
import { h, replaceChildren } from '../ui/dom';
import { errorMessage, loadOrExplain } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { toast } from '../ui/toast';
import type { ConsoleContext, Section } from './types';

const ACTION_LABEL: Partial<Record<QuestStatus, string>> = {
  published: 'Publish',
  active: 'Start now',
  closed: 'Close',
  archived: 'Archive',
  draft: 'Back to draft',
};

export function questsTableSection(ctx: ConsoleContext): Section {
  let status: QuestStatus | '' = '';
  let items: Quest[] = [];
  const selected = new Set<string>();
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading quests…'));
  const feedback = h('p', { role: 'status', class: 'hint' });

  const filter = h(
    'select',
    { id: 'status-filter' },
    h('option', { value: '' }, 'All'),
    QUEST_STATUSES.map((s) => h('option', { value: s }, s)),
  );
  filter.addEventListener('change', () => {
    status = filter.value as QuestStatus | '';
    void load();
  });

  async function act(label: string, work: () => Promise<unknown>) {
    feedback.textContent = `${label}…`;
    try {
      await work();
      feedback.textContent = `${label}: done.`;
      await load();
    } catch (err) {
      feedback.textContent = '';
      toast(errorMessage(err), 'error');
    }
  }

  const transition = (q: Quest, to: QuestStatus) =>
    call(questsContracts.transitionQuest, { params: { questId: q.id }, body: { to } });

  const extend = (q: Quest) =>
    call(questsContracts.updateQuest, {
      params: { questId: q.id },
      body: { endsAt: new Date(Date.parse(q.endsAt) + 7 * 86_400_000).toISOString() },
    });

  function render() {
    if (!items.length) {
      replaceChildren(
        body,
        h(
          'p',
          { class: 'empty-state' },
          'No quests here yet. ',
          h('a', { href: '/console' }, 'Post the first one'),
          '.',
        ),
      );
      return;
    }
    const bulk = h(
      'div',
      { class: 'table-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          onClick: () =>
            void act('Closing selected', () =>
              Promise.all(
                items.filter((q) => selected.has(q.id)).map((q) => transition(q, 'closed')),
              ),
            ),
        },
        'Close selected',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button secondary',
          onClick: () =>
            void act('Extending selected', () =>
              Promise.all(items.filter((q) => selected.has(q.id)).map(extend)),
            ),
        },
        'Extend selected by 7 days',
      ),
    );
    const rows = items.map((q) => {
      const cb = h('input', {
        type: 'checkbox',
        'aria-label': `Select ${q.title}`,
        checked: selected.has(q.id),
      });
      cb.addEventListener('change', () =>
        cb.checked ? selected.add(q.id) : selected.delete(q.id),
      );
      return h(
        'tr',
        { 'data-quest-id': q.id },
        h('td', {}, cb),
        h('th', { scope: 'row' }, q.title),
        h('td', {}, q.status),
        h('td', {}, dateTimeText(q.startsAt), ' – ', dateTimeText(q.endsAt)),
        h('td', {}, String(q.completions)),
        h(
          'td',
          {},
          h(
            'div',
            { class: 'table-actions' },
            h(
              'button',
              {
                type: 'button',
                class: 'button secondary',
                onClick: () => ctx.navigate(`/console?edit=${q.id}`),
              },
              'Edit',
            ),
            QUEST_TRANSITIONS[q.status]
              .filter((to) => ACTION_LABEL[to])
              .map((to) =>
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'button secondary',
                    onClick: () =>
                      void act(`${ACTION_LABEL[to]} "${q.title}"`, () => transition(q, to)),
                  },
                  ACTION_LABEL[to]!,
                ),
              ),
          ),
        ),
      );
    });
    replaceChildren(
      body,
      bulk,
      asCardTable(
        h(
          'table',
          {},
          h('caption', { class: 'visually-hidden' }, 'Quests in this area'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['Select', 'Title', 'Status', 'Runs', 'Done', 'Actions'].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h('tbody', {}, rows),
        ),
      ),
    );
  }

  const load = () =>
    loadOrExplain(
      body,
      () =>
        call(questsContracts.manageQuests, {
          params: { slug: ctx.area.slug },
          query: { status: status || undefined },
        }),
      (page) => {
        items = page.items;
        render();
      },
    );
  void load();
  const el = h(
    'section',
    {},
    h('h1', {}, 'Quests'),
    h('div', { class: 'form-group' }, h('label', { for: 'status-filter' }, 'Show'), filter),
    feedback,
    body,
  );
  return { el };
}
