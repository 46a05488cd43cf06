/**
 * The bottom of a quest sheet: its public history and, while the quest can be reported not
 * fixed, the "Not fixed?" action for residents who did not complete it themselves.
 */
import type { Quest } from '@govcraft/shared';
import type { AppContext, View } from '../app/context';
import { requireSignIn } from '../auth/sign-in';
import { h, replaceChildren } from '../ui/dom';
import { notFixedAction, type NotFixedAction } from './not-fixed';
import { timelineSection } from './timeline';

export function questHistory(ctx: AppContext, quest: Quest): View {
  const section = timelineSection(quest.id);
  const slot = h('div', { class: 'not-fixed-slot' });
  let action: NotFixedAction | null = null;

  async function load() {
    const t = await section.refresh();
    action?.destroy();
    action = null;
    replaceChildren(slot);
    const until = t?.notFixed.open ? t.notFixed.until : null;
    if (!until) return;
    const prompt = { reason: 'to report it not fixed', look: 'link' } as const;
    if (!requireSignIn(ctx.store.state.me, slot, prompt)) return;
    // Whoever completed it cannot report their own work; the server refuses it too.
    if (ctx.store.state.mine.get(quest.id) === 'completed') return;
    action = notFixedAction(quest, until, () => void section.refresh());
    replaceChildren(slot, action.el);
  }
  void load();

  return {
    el: h('div', { class: 'quest-history' }, slot, section.el),
    destroy: () => action?.destroy(),
  };
}
