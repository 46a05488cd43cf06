/** The quest sheet's thread: one per quest, rebuilt only when the sheet shows another quest. */
import type { Quest } from '@govcraft/shared';
import type { AppContext } from '../app/context';
import { canPinIn, commentThreadView } from './thread';

export function questComments(ctx: AppContext) {
  let current: { questId: string; view: ReturnType<typeof commentThreadView> } | null = null;
  return {
    /** The thread's element for `q`, reusing the live one when the quest is the same. */
    for(q: Quest): HTMLElement {
      if (current?.questId !== q.id) {
        current?.view.destroy();
        const me = ctx.store.state.me;
        const view = commentThreadView({
          questId: q.id,
          me,
          realtime: ctx.realtime,
          canPin: canPinIn(me, q.areaId),
        });
        current = { questId: q.id, view };
      }
      return current.view.el;
    },
    destroy(): void {
      current?.view.destroy();
      current = null;
    },
  };
}
