/** The quest list: the accessible equivalent of the map, with filters. */
import { SUPERPOWER_INFO, SUPERPOWERS, type Superpower } from '@govcraft/shared';
import type { AppContext, View } from '../app/context';
import { budgetBanner } from '../budgets/banner';
import { h, replaceChildren, uid } from '../ui/dom';
import { distanceText, isClosingSoon, timeLeftText } from '../ui/format';
import { superpowerIcon } from '../ui/icons';
import { filterQuests, NO_FILTERS, type ListedQuest, type QuestFilters } from './quest-filter';

/** Filter choices as [value, words]; '' means no limit. */
const DISTANCES: [string, string][] = [
  ['', 'Any distance'],
  ['500', 'Within 500 m'],
  ['1000', 'Within 1 km'],
  ['2000', 'Within 2 km'],
];
const TIMES_LEFT: [string, string][] = [
  ['', 'Any time'],
  ['24', 'Closes today'],
  ['72', 'Within 3 days'],
  ['168', 'Within a week'],
];

let remembered: QuestFilters = { ...NO_FILTERS };

function select(
  label: string,
  name: string,
  options: [string, string][],
  value: string,
  onChange: (v: string) => void,
) {
  const id = uid(name);
  const el = h(
    'select',
    { id, name, onChange: (e: Event) => onChange((e.target as HTMLSelectElement).value) },
    options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
  );
  return h('div', { class: 'filter' }, h('label', { for: id }, label), el);
}

export function questListView(ctx: AppContext): View {
  const list = h('ul', { class: 'quest-list', 'aria-label': 'Quests' });
  const count = h('p', { class: 'list-count', 'aria-live': 'polite' });

  const filters = h(
    'div',
    { class: 'filters', role: 'group', 'aria-label': 'Filter quests' },
    select(
      'Superpower',
      'superpower',
      [['any', 'Any'], ...SUPERPOWERS.map((s): [string, string] => [s, SUPERPOWER_INFO[s].label])],
      remembered.superpower,
      (v) => update({ superpower: v as Superpower | 'any' }),
    ),
    select('Distance', 'distance', DISTANCES, String(remembered.maxDistanceM ?? ''), (v) =>
      update({ maxDistanceM: v ? Number(v) : null }),
    ),
    select('Time left', 'time', TIMES_LEFT, String(remembered.closesWithinH ?? ''), (v) =>
      update({ closesWithinH: v ? Number(v) : null }),
    ),
  );

  function update(change: Partial<QuestFilters>) {
    remembered = { ...remembered, ...change };
    render();
  }

  function item({ quest, distanceM }: ListedQuest): HTMLElement {
    const main = quest.superpowers[0]!;
    const now = Date.now();
    const status = ctx.store.state.mine.get(quest.id);
    return h(
      'li',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'quest-item',
          'data-quest-id': quest.id,
          onClick: () => ctx.openQuest(quest.id),
        },
        h('span', { class: 'quest-item-icon' }, superpowerIcon(main, 28)),
        h(
          'span',
          { class: 'quest-item-body' },
          h('span', { class: 'quest-item-title' }, quest.title),
          h(
            'span',
            { class: 'quest-item-meta' },
            h('span', {}, SUPERPOWER_INFO[main].label),
            h('span', {}, `${quest.xp} XP`),
            distanceM !== null ? h('span', {}, `${distanceText(distanceM)} away`) : null,
            quest.status === 'reopened' ? h('span', { class: 'badge' }, 'Reopened') : null,
            status && status !== 'left' && status !== 'reopened'
              ? h(
                  'span',
                  { class: 'badge' },
                  status === 'joined' ? 'Joined' : status === 'submitted' ? 'Checking' : 'Done',
                )
              : null,
          ),
          h(
            'span',
            { class: `quest-item-time${isClosingSoon(quest.endsAt, now) ? ' urgent' : ''}` },
            timeLeftText(quest.startsAt, quest.endsAt, now),
          ),
        ),
      ),
    );
  }

  function render() {
    const { quests, position } = ctx.store.state;
    const listed = filterQuests(quests.values(), remembered, position, Date.now());
    if (listed.length === 0) {
      const anyAtAll = filterQuests(quests.values(), NO_FILTERS, null, Date.now()).length > 0;
      count.textContent = '';
      replaceChildren(
        list,
        h(
          'li',
          { class: 'empty-state' },
          anyAtAll
            ? h('p', {}, 'No quests match these filters. Try a wider distance or any superpower.')
            : [
                h('p', { class: 'empty-title' }, 'No quests near you yet.'),
                h(
                  'p',
                  {},
                  'Officers post new ones every week. Know a problem nearby? Tell your council and it may become a quest.',
                ),
                ctx.store.state.me
                  ? h(
                      'button',
                      {
                        type: 'button',
                        class: 'button secondary',
                        onClick: () => ctx.openPropose(),
                      },
                      'Propose a quest',
                    )
                  : null,
              ],
        ),
      );
      return;
    }
    count.textContent = `${listed.length} ${listed.length === 1 ? 'quest' : 'quests'}`;
    replaceChildren(list, listed.map(item));
  }

  const off = ctx.store.on(['quests', 'position', 'mine'], render);
  const tick = window.setInterval(render, 60_000);
  render();
  const el = h(
    'section',
    { class: 'panel-section', 'aria-labelledby': 'quests-heading' },
    h('h2', { id: 'quests-heading' }, 'Quests'),
    budgetBanner(ctx.slug),
    ctx.store.state.me
      ? h(
          'p',
          { class: 'propose-cta' },
          h(
            'button',
            {
              type: 'button',
              class: 'button secondary propose-button',
              onClick: () => ctx.openPropose(),
            },
            'Propose a quest',
          ),
        )
      : null,
    filters,
    count,
    list,
  );
  return {
    el,
    destroy: () => {
      off();
      clearInterval(tick);
    },
  };
}
