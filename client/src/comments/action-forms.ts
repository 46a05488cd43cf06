/**
 * The inline forms a comment's buttons open: reply, edit, report, and the delete check.
 * Each closes through the thread, which moves focus to what changed or back to its opener.
 */
import {
  COMMENT_MAX_LENGTH,
  commentsContracts,
  moderationContracts,
  REPORT_REASON_MAX_LENGTH,
  type Comment,
} from '@govcraft/shared';
import { call } from '../net/call';
import { h } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import type { CommentAction } from './comment-view';
import { textForm } from './text-form';

export interface ThreadHooks {
  questId: string;
  /** Keeps the server's answer, closes the form, focuses the comment, says `message`. */
  done(c: Comment, message: string): void;
  /** A report was sent on comment `id`. */
  reported(id: string): void;
  cancel(): void;
}

export function actionForm(c: Comment, act: CommentAction, t: ThreadHooks): HTMLElement {
  const name = c.author.displayName;
  if (act === 'reply') {
    return textForm({
      field: 'body',
      label: `Reply to ${name}`,
      submitText: 'Post reply',
      maxLength: COMMENT_MAX_LENGTH,
      onCancel: t.cancel,
      onSubmit: async (body) =>
        t.done(
          await call(commentsContracts.postComment, {
            params: { questId: t.questId },
            body: { body, parentId: c.id },
          }),
          'Your reply was posted.',
        ),
    });
  }
  if (act === 'edit') {
    return textForm({
      field: 'body',
      label: 'Edit your comment',
      submitText: 'Save changes',
      initial: c.body ?? '',
      maxLength: COMMENT_MAX_LENGTH,
      onCancel: t.cancel,
      onSubmit: async (body) =>
        t.done(
          await call(commentsContracts.editComment, {
            params: { commentId: c.id },
            body: { body },
          }),
          'Your comment was changed.',
        ),
    });
  }
  if (act === 'report') {
    return textForm({
      field: 'reason',
      label: 'Why should a moderator look at this?',
      hint: 'A moderator reads every report. The writer is not told who reported.',
      submitText: 'Send report',
      maxLength: REPORT_REASON_MAX_LENGTH,
      onCancel: t.cancel,
      onSubmit: async (reason) => {
        await call(moderationContracts.reportContent, {
          body: { content: { kind: 'comment', id: c.id }, reason },
        });
        t.reported(c.id);
      },
    });
  }
  const yes = h('button', { type: 'button', class: 'button warning' }, 'Delete comment');
  const no = h(
    'button',
    { type: 'button', class: 'button secondary', onClick: t.cancel },
    'Keep it',
  );
  const problem = h('p', { class: 'error-text', role: 'alert' });
  yes.addEventListener('click', async () => {
    try {
      t.done(
        await call(commentsContracts.deleteComment, { params: { commentId: c.id } }),
        'Your comment was deleted.',
      );
    } catch (err) {
      problem.textContent = errorMessage(err);
    }
  });
  return h(
    'div',
    { class: 'comment-confirm', role: 'group', 'aria-label': 'Delete this comment?' },
    h('p', {}, 'Delete this comment? Replies to it stay.'),
    h('div', { class: 'comment-form-actions' }, yes, no),
    problem,
  );
}
