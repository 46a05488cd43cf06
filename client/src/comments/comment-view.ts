/**
 * One comment as an article: who wrote it and in what role (officers' answers stand out in
 * colour and in words), when, the text or its tombstone, and the actions this reader may
 * take. Every action is a button whose name says which comment it acts on.
 */
import { canEditComment, type AreaRole, type Comment } from '@govcraft/shared';
import { h } from '../ui/dom';
import { dateTimeText } from '../ui/format';

export const ROLE_LABEL: Record<AreaRole, string> = {
  resident: 'Resident',
  moderator: 'Moderator',
  officer: 'Council officer',
  admin: 'Council admin',
};

/** Officers and admins speak for the council; their comments are marked as such. */
export const speaksForCouncil = (c: Comment) =>
  c.author.role === 'officer' || c.author.role === 'admin';

export type CommentAction = 'reply' | 'edit' | 'delete' | 'report' | 'pin' | 'unpin';

export interface CommentViewOptions {
  meId: string | null;
  canPin: boolean;
  /** Only top-level comments can be answered. */
  canReply: boolean;
  reported: boolean;
  now: Date;
}

export const commentDomId = (id: string) => `comment-${id}`;

function tombstoneText(c: Comment, meId: string | null): string {
  if (c.state === 'deleted') return 'Comment deleted.';
  if (c.author.userId === meId) return 'A moderator hid your comment.';
  return 'Comment hidden by a moderator.';
}

function actionButton(c: Comment, act: CommentAction, text: string, extra: string, cls = '') {
  return h(
    'button',
    {
      type: 'button',
      class: `link-button comment-action ${cls}`,
      'data-act': act,
      'data-id': c.id,
    },
    text,
    h('span', { class: 'visually-hidden' }, ` ${extra}`),
  );
}

function actionsOf(c: Comment, o: CommentViewOptions): HTMLElement[] {
  if (c.state !== 'visible' || !o.meId) return [];
  const whose = c.author.userId === o.meId ? 'your comment' : `${c.author.displayName}'s comment`;
  const out: HTMLElement[] = [];
  if (o.canReply) out.push(actionButton(c, 'reply', 'Reply', `to ${whose}`));
  if (c.author.userId === o.meId) {
    if (canEditComment(c.createdAt, o.now)) out.push(actionButton(c, 'edit', 'Edit', whose));
    out.push(actionButton(c, 'delete', 'Delete', whose, 'danger'));
  } else if (o.reported) {
    out.push(h('span', { class: 'hint' }, 'Reported'));
  } else {
    out.push(actionButton(c, 'report', 'Report', whose));
  }
  if (o.canPin) {
    out.push(
      c.pinned
        ? actionButton(c, 'unpin', 'Unpin', whose)
        : actionButton(c, 'pin', 'Pin as answer', `(${whose})`),
    );
  }
  return out;
}

export function commentView(c: Comment, o: CommentViewOptions): HTMLElement {
  const authorId = `${commentDomId(c.id)}-by`;
  const council = speaksForCouncil(c);
  const classes = ['comment', council ? 'comment--council' : '', c.pinned ? 'comment--pinned' : ''];
  const shown = c.state === 'visible' || c.body !== null;
  return h(
    'article',
    {
      class: classes.filter(Boolean).join(' '),
      id: commentDomId(c.id),
      tabindex: -1,
      'aria-labelledby': authorId,
    },
    h(
      'p',
      { class: 'comment-meta' },
      h('span', { class: 'comment-author', id: authorId }, c.author.displayName),
      ' ',
      h('span', { class: `role-badge role-badge--${c.author.role}` }, ROLE_LABEL[c.author.role]),
      c.pinned ? h('span', { class: 'pin-badge' }, 'Pinned answer') : null,
      ' ',
      h('time', { datetime: c.createdAt, class: 'hint' }, dateTimeText(c.createdAt)),
      c.editedAt ? h('span', { class: 'hint' }, ' (edited)') : null,
    ),
    c.state !== 'visible' ? h('p', { class: 'comment-tombstone' }, tombstoneText(c, o.meId)) : null,
    shown && c.body !== null ? h('p', { class: 'comment-body prose' }, c.body) : null,
    c.moderationReason
      ? h('p', { class: 'comment-moderation' }, `Reason given: ${c.moderationReason}`)
      : null,
    h('div', { class: 'comment-actions' }, actionsOf(c, o)),
    h('div', { class: 'comment-slot' }),
  );
}
