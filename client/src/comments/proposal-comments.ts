/**
 * A proposal's thread in the console, folded away until opened so a long list of proposals
 * does not load every thread; closing it leaves the thread's room.
 */
import type { MeResponse, Quest } from '@govcraft/shared';
import type { Realtime } from '../net/socket';
import { h } from '../ui/dom';
import { canPinIn, commentThreadView } from './thread';

export function proposalComments(
  who: { me: MeResponse; realtime: Realtime },
  q: Quest,
): HTMLElement {
  const details = h(
    'details',
    { class: 'proposal-comments' },
    h('summary', {}, 'Comments with the proposer'),
  );
  let view: ReturnType<typeof commentThreadView> | null = null;
  details.addEventListener('toggle', () => {
    if (details.open && !view) {
      view = commentThreadView({
        questId: q.id,
        me: who.me,
        realtime: who.realtime,
        canPin: canPinIn(who.me, q.areaId),
      });
      details.append(view.el);
    } else if (!details.open && view) {
      view.destroy();
      view.el.remove();
      view = null;
    }
  });
  return details;
}
