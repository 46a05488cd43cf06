/**
 * Where an email's "Stop these emails" link opens. Stopping takes a click (a POST), so a
 * mail scanner that fetches links does not unsubscribe anyone; mail programs use the
 * one-click POST in the List-Unsubscribe header instead.
 */
import { notificationsContracts } from '@govcraft/shared';
import { emailFlowPage, showOutcome, tokenFromAddress } from '../auth/email-pages-shell';
import { call } from '../net/call';
import { h } from '../ui/dom';
import { errorMessage } from '../ui/errors';

export function renderUnsubscribePage(root: HTMLElement): void {
  const button = h('button', { type: 'button', class: 'button' }, 'Stop these emails');
  const main = emailFlowPage(
    root,
    'Stop emails from GovCraft',
    h(
      'p',
      {},
      'You will still see notifications in the app. You can turn emails back on in your notification settings.',
    ),
    button,
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const done = await call(notificationsContracts.unsubscribe, {
        query: { token: tokenFromAddress() },
      });
      showOutcome(
        main,
        'Emails stopped',
        h('p', {}, done.message),
        h('p', {}, h('a', { href: '/' }, 'Back to the map')),
      );
    } catch (err) {
      showOutcome(main, 'This link did not work', h('p', {}, errorMessage(err)));
    }
  });
}
