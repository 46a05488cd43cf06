/**
 * Changing your address (signed in): the link goes to the new address. With a token in the
 * address this page is the confirmation instead.
 */
import { mailContracts, ZChangeEmailRequest } from '@govcraft/shared';
import { loadMe } from '../app/bootstrap';
import { call } from '../net/call';
import { h } from '../ui/dom';
import { clearErrors, issuesOf, showErrors } from '../ui/errors';
import {
  emailFlowPage,
  formValuesOf,
  inputField,
  showOutcome,
  tokenFromAddress,
} from './email-pages-shell';
import { requireSignIn } from './sign-in';
import { renderVerifyEmailPage } from './verify-email';

export async function renderChangeEmailPage(root: HTMLElement): Promise<void> {
  if (tokenFromAddress()) return renderVerifyEmailPage(root, 'change');
  const me = await loadMe();
  const main = emailFlowPage(root, 'Change your email address');
  const signedIn = requireSignIn(
    me,
    main,
    { reason: 'to change your email address.', look: 'invite' },
    h('h1', {}, 'Change your email address'),
  );
  if (!signedIn) return;
  const button = h('button', { type: 'submit', class: 'button' }, 'Send a link to the new address');
  const form = h(
    'form',
    { novalidate: true, class: 'auth-form' },
    inputField('newEmail', 'New email address', 'email', 'email'),
    inputField(
      'password',
      'Your password',
      'password',
      'current-password',
      'So we know it is you.',
    ),
    button,
  );
  main.append(h('p', {}, `Your address now is ${signedIn.email}.`), form);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const parsed = ZChangeEmailRequest.safeParse(formValuesOf(form));
    if (!parsed.success) return showErrors(form, issuesOf(parsed.error));
    button.disabled = true;
    try {
      const answer = await call(mailContracts.changeEmail, { body: parsed.data });
      showOutcome(main, 'Check your new inbox', h('p', {}, answer.message));
    } catch (err) {
      button.disabled = false;
      showErrors(form, err);
    }
  });
}
