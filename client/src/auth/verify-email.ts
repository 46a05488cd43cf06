/**
 * The page the verification and change-of-address emails link to. Opening it confirms the
 * address; the work is a POST, so a mail scanner that only fetches the link changes nothing.
 */
import { mailContracts } from '@govcraft/shared';
import { call } from '../net/call';
import { h } from '../ui/dom';
import { errorMessage } from '../ui/errors';
import { emailFlowPage, showOutcome, tokenFromAddress } from './email-pages-shell';

export function renderVerifyEmailPage(root: HTMLElement, kind: 'verify' | 'change'): void {
  const contract = kind === 'verify' ? mailContracts.verifyEmail : mailContracts.confirmEmailChange;
  const button = h('button', { type: 'button', class: 'button' }, 'Confirm my email address');
  const main = emailFlowPage(
    root,
    kind === 'verify' ? 'Confirm your email address' : 'Confirm your new email address',
    h('p', {}, 'One click and you are done.'),
    button,
  );
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const done = await call(contract, { body: { token: tokenFromAddress() } });
      showOutcome(
        main,
        'Email address confirmed',
        h('p', {}, `Thank you. ${done.email} is confirmed: you can vouch for neighbours and vote.`),
        h('p', {}, h('a', { href: '/', class: 'button' }, 'Back to the map')),
      );
    } catch (err) {
      showOutcome(
        main,
        'This link did not work',
        h('p', {}, errorMessage(err)),
        h('p', {}, 'Sign in and ask for a new link from your notifications.'),
        h('p', {}, h('a', { href: '/' }, 'Back to the map')),
      );
    }
  });
}
