/**
 * A comment thread under a quest or proposal: read by anyone who may read the quest, live
 * over the thread's socket room, written with the keyboard alone. New comments from others
 * are announced politely; after posting, focus moves to what was posted; an inline form
 * closes back to the button that opened it.
 */
import {
  COMMENT_MAX_LENGTH,
  commentsContracts,
  type Comment,
  type MeResponse,
} from '@govcraft/shared';
import { signInPrompt } from '../auth/sign-in';
import { call } from '../net/call';
import type { Realtime } from '../net/socket';
import { h, replaceChildren } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { commentDomId, commentView, ROLE_LABEL, type CommentAction } from './comment-view';
import { actionForm } from './action-forms';
import { focusBox, textForm } from './text-form';
import { ThreadState } from './thread-state';
import './comments.css';

export interface ThreadOptions {
  questId: string;
  me: MeResponse | null;
  realtime: Realtime;
  /** Officers of the quest's area pin answers. */
  canPin: boolean;
}

interface OpenForm {
  commentId: string;
  act: CommentAction;
  el: HTMLElement;
}

export function commentThreadView(o: ThreadOptions): { el: HTMLElement; destroy(): void } {
  const meId = o.me?.id ?? null;
  const state = new ThreadState(meId);
  const reported = new Set<string>();
  const titleId = `comments-title-${o.questId}`;
  const title = h('h3', { id: titleId, tabindex: -1 }, 'Comments');
  const pinnedSlot = h('div');
  const list = h('ol', { class: 'comment-list', 'aria-labelledby': titleId });
  const status = h('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const el = h(
    'section',
    { class: 'comments', 'aria-labelledby': titleId },
    title,
    pinnedSlot,
    list,
    status,
  );
  let open: OpenForm | null = null;

  const announce = (text: string) => {
    status.textContent = '';
    // A fresh text node after clearing makes screen readers speak a repeated message too.
    window.setTimeout(() => (status.textContent = text), 50);
  };
  const article = (id: string) => document.getElementById(commentDomId(id));
  const focusComment = (id: string) => (article(id) ?? title).focus();

  function pinnedBlock(): HTMLElement | null {
    const p = state.pinned();
    if (!p) return null;
    const go = h('button', { type: 'button', class: 'link-button' }, 'Go to the pinned answer');
    go.addEventListener('click', () => focusComment(p.id));
    return h(
      'aside',
      { class: 'comment-pinned', 'aria-label': 'Pinned answer' },
      h(
        'p',
        { class: 'comment-meta' },
        `Pinned answer from ${p.author.displayName}, `,
        ROLE_LABEL[p.author.role],
      ),
      h('p', { class: 'prose' }, p.body),
      go,
    );
  }

  function render(): void {
    const active = document.activeElement as HTMLElement | null;
    const key = active?.dataset.act ? `${active.dataset.act}:${active.dataset.id}` : null;
    const viewOf = (c: Comment, canReply: boolean) =>
      commentView(c, {
        meId,
        canPin: o.canPin,
        canReply,
        reported: reported.has(c.id),
        now: new Date(),
      });
    const groups = state.groups();
    replaceChildren(
      list,
      groups.map((g) =>
        h(
          'li',
          {},
          viewOf(g.top, g.top.state === 'visible'),
          g.replies.length
            ? h(
                'ol',
                {
                  class: 'comment-replies',
                  'aria-label': `Replies to ${g.top.author.displayName}`,
                },
                g.replies.map((r) => h('li', {}, viewOf(r, false))),
              )
            : null,
        ),
      ),
    );
    if (!groups.length)
      list.append(h('li', { class: 'hint' }, 'No comments yet. Ask a question or share a tip.'));
    replaceChildren(pinnedSlot, pinnedBlock());
    title.textContent = `Comments (${state.count()})`;
    const slot = open && article(open.commentId)?.querySelector('.comment-slot');
    if (open && slot) slot.append(open.el);
    else open = null;
    restoreFocus(active, key);
  }

  /** A live redraw must not drop the reader's place: refocus the same button or comment. */
  function restoreFocus(active: HTMLElement | null, key: string | null): void {
    if (!active || active === document.body) return;
    if (active.isConnected) {
      if (active !== document.activeElement) active.focus();
      return;
    }
    const [act, id] = key?.split(':') ?? [];
    const again = key
      ? list.querySelector<HTMLElement>(`[data-act="${act}"][data-id="${id}"]`)
      : active.id
        ? document.getElementById(active.id)
        : null;
    again?.focus();
  }

  function close(backTo: CommentAction | null = open?.act ?? null): void {
    const id = open?.commentId;
    open = null;
    render();
    if (!id) return;
    const opener =
      backTo && list.querySelector<HTMLElement>(`[data-act="${backTo}"][data-id="${id}"]`);
    (opener ?? article(id) ?? title).focus();
  }

  /** After a change of ours: keep the server's answer, close the form, focus the comment. */
  function done(c: Comment, message: string): void {
    state.upsert(c);
    open = null;
    render();
    focusComment(c.id);
    announce(message);
  }

  list.addEventListener('click', async (e) => {
    const button = (e.target as HTMLElement).closest<HTMLElement>('[data-act]');
    const act = button?.dataset.act as CommentAction | undefined;
    const c = button?.dataset.id ? state.get(button.dataset.id) : undefined;
    if (!act || !c) return;
    if (act === 'pin' || act === 'unpin') {
      try {
        const res = await call(commentsContracts.pinComment, {
          params: { questId: o.questId },
          body: { commentId: act === 'pin' ? c.id : null },
        });
        state.replaceAll(res.items);
        render();
        focusComment(c.id);
        announce(act === 'pin' ? 'Pinned as the answer.' : 'The pin was removed.');
      } catch (err) {
        announce(errorMessage(err));
      }
      return;
    }
    const hooks = {
      questId: o.questId,
      done,
      cancel: () => close(),
      reported: (id: string) => {
        reported.add(id);
        open = null;
        render();
        focusComment(id);
        announce('Thank you. A moderator will look at it.');
      },
    };
    open = { commentId: c.id, act, el: actionForm(c, act, hooks) };
    render();
    if (open.el instanceof HTMLFormElement) focusBox(open.el);
    else open.el.querySelector('button')?.focus();
  });

  const composer = o.me
    ? textForm({
        field: 'body',
        label: 'Add a comment',
        hint: 'Everyone who can see this quest can read it.',
        submitText: 'Post comment',
        maxLength: COMMENT_MAX_LENGTH,
        onSubmit: async (body) =>
          done(
            await call(commentsContracts.postComment, {
              params: { questId: o.questId },
              body: { body },
            }),
            'Your comment was posted.',
          ),
      })
    : signInPrompt({ reason: 'to join the conversation.', className: 'hint' });
  el.append(composer);

  const offs = [
    o.realtime.on('comment:posted', ({ comment: c }) => {
      if (c.questId !== o.questId) return;
      if (state.upsert(c) && c.author.userId !== meId) {
        announce(
          `New ${c.parentId ? 'reply' : 'comment'} from ${c.author.displayName}: ${c.body ?? ''}`,
        );
      }
      render();
    }),
    o.realtime.on('comment:updated', ({ comment: c }) => {
      if (c.questId !== o.questId) return;
      state.upsert(c);
      render();
    }),
    o.realtime.on('comment:removed', ({ questId, commentId }) => {
      if (questId !== o.questId || !state.hide(commentId)) return;
      render();
      announce('A comment was hidden by a moderator.');
    }),
    o.realtime.on('comment:moderated', ({ comment: c }) => {
      if (c.questId !== o.questId) return;
      state.upsert(c);
      render();
      announce(`A moderator hid your comment. Reason given: ${c.moderationReason ?? 'none'}`);
    }),
    o.realtime.onConnect(() => void o.realtime.send('comments:join', { questId: o.questId })),
  ];
  const tick = window.setInterval(render, 60_000);

  list.append(h('li', { role: 'status' }, 'Loading comments…'));
  void call(commentsContracts.listComments, { params: { questId: o.questId } })
    .then((r) => {
      state.replaceAll(r.items);
      render();
    })
    .catch((err) => replaceChildren(list, h('li', { class: 'error-text' }, errorMessage(err))));

  return {
    el,
    destroy() {
      offs.forEach((off) => off());
      window.clearInterval(tick);
      void o.realtime.send('comments:leave', { questId: o.questId });
    },
  };
}

/** Officers and admins of the quest's area (and platform admins) pin answers. */
export function canPinIn(me: MeResponse | null, areaId: string): boolean {
  if (!me) return false;
  if (me.isPlatformAdmin) return true;
  const role = me.memberships.find((m) => m.areaId === areaId)?.role;
  return role === 'officer' || role === 'admin';
}
