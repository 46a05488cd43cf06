/**
 * A quest's public history on its sheet, like a report's history on FixMyStreet: every
 * status change in order, by role (never a name), when and why. It also tells the sheet
 * whether the quest can be reported not fixed now.
 */
import { questsContracts, type QuestTimeline } from '@govcraft/shared';
import { call } from '../net/call';
import { h, replaceChildren, uid } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { dateTimeText } from '../ui/format';
import { reportsLine, timelineLine } from './timeline-words';

export interface TimelineSection {
  el: HTMLElement;
  /** Loads (again) and redraws; resolves with the timeline, or null when it could not load. */
  refresh(): Promise<QuestTimeline | null>;
}

export function timelineSection(questId: string): TimelineSection {
  const headingId = uid('timeline');
  const list = h('ol', { class: 'timeline' });
  const summary = h('p', { class: 'hint timeline-summary' });
  const el = h(
    'section',
    { class: 'quest-timeline', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'History'),
    list,
    summary,
  );

  function draw(t: QuestTimeline) {
    replaceChildren(
      list,
      t.items.map((e) =>
        h(
          'li',
          {},
          h('time', { datetime: e.at }, dateTimeText(e.at)),
          ' ',
          h('span', { class: 'timeline-what' }, timelineLine(e)),
          e.reason ? h('p', { class: 'timeline-why' }, e.reason) : null,
        ),
      ),
    );
    const n = t.notFixed;
    summary.textContent =
      n.open && n.until
        ? `Not fixed? Residents can report it until ${dateTimeText(n.until)}. ${reportsLine(n.reports, n.weight, n.quorumWeight)}`
        : '';
    summary.hidden = summary.textContent === '';
  }

  async function refresh(): Promise<QuestTimeline | null> {
    try {
      const t = await call(questsContracts.getQuestTimeline, { params: { questId } });
      draw(t);
      return t;
    } catch (err) {
      replaceChildren(list, h('li', { class: 'error-text' }, errorMessage(err)));
      return null;
    }
  }

  return { el, refresh };
}
