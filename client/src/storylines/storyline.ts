/** The area's epic: narrative, one communal progress bar, chapters as cards. */
import type { AppContext, View } from '../app/context';
import { storylinesContracts, type Storyline as StorylineView } from '@govcraft/shared';
import { call } from '../net/call';
import { h, meter, prefersReducedMotion, replaceChildren } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { numberText } from '../ui/format';
import { toast } from '../ui/toast';
import { uiIcon } from '../ui/icons';

function storyCard(s: StorylineView): HTMLElement {
  return h(
    'article',
    { class: 'story', 'data-storyline-id': s.id },
    h('h3', {}, s.title),
    s.narrative ? h('p', { class: 'prose' }, s.narrative) : null,
    h(
      'p',
      { class: 'story-progress-text' },
      `${numberText(s.completed)} of ${numberText(s.goal)} quests done together`,
    ),
    meter(`${s.title}: communal progress`, s.completed, s.goal, 'meter--big'),
    h(
      'ol',
      { class: 'chapters' },
      s.chapters.map((c) => {
        const unlocked = c.unlocked;
        return h(
          'li',
          { class: `chapter${unlocked ? ' unlocked' : ' locked'}` },
          h('h4', {}, `Chapter ${c.position}: ${c.title}`),
          unlocked
            ? c.narrative
              ? h('p', {}, c.narrative)
              : h('p', { class: 'hint' }, 'Unlocked')
            : h(
                'p',
                { class: 'hint' },
                uiIcon('lock', 16),
                ' ',
                `Unlocks at ${numberText(c.threshold)} quests done`,
              ),
        );
      }),
    ),
  );
}

export function storylineView(ctx: AppContext): View {
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading the story…'));
  let items: StorylineView[] = [];

  function render() {
    if (!items.length) {
      replaceChildren(
        body,
        h(
          'div',
          { class: 'empty-state' },
          h('p', { class: 'empty-title' }, 'No storyline yet.'),
          h(
            'p',
            {},
            'When your council starts one, every quest you finish will move the whole neighbourhood forward.',
          ),
        ),
      );
      return;
    }
    replaceChildren(body, items.map(storyCard));
  }

  const off = ctx.realtime.on('storyline:progress', (e) => {
    const s = items.find((i) => i.id === e.storylineId);
    if (!s) return;
    s.completed = e.completed;
    s.goal = e.goal;
    if (e.unlockedChapter) {
      const c = s.chapters.find((ch) => ch.position === e.unlockedChapter!.position);
      if (c) Object.assign(c, { unlocked: true, narrative: e.unlockedChapter.narrative });
      toast(`Chapter unlocked: ${e.unlockedChapter.title}!`, 'celebrate');
      if (!prefersReducedMotion())
        body.animate([{ transform: 'scale(1.02)' }, { transform: 'none' }], { duration: 500 });
    }
    render();
  });

  call(storylinesContracts.listStorylines, { params: { slug: ctx.slug } }).then(
    (r) => {
      items = r.items;
      render();
    },
    (err) => replaceChildren(body, h('p', { class: 'empty-state' }, errorMessage(err))),
  );
  const el = h(
    'section',
    { class: 'panel-section', 'aria-labelledby': 'story-heading' },
    h('h2', { id: 'story-heading' }, 'Our story'),
    body,
  );
  return { el, destroy: off };
}
