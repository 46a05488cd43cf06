/** The page the reset email links to: choose a new password with the token in the address. */
import { mailContracts, ZResetPasswordRequest } from '@govcraft/shared';
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

export function renderResetPasswordPage(root: HTMLElement): void {
  const button = h('button', { type: 'submit', class: 'button' }, 'Save my new password');
  const form = h(
    'form',
    { novalidate: true, class: 'auth-form' },
    h('div', { 'data-field': 'token' }),
    inputField(
      'newPassword',
      'New password',
      'password',
      'new-password',
      'At least 10 characters. A few words together work well.',
    ),
    button,
  );
  const main = emailFlowPage(
    root,
    'Choose a new password',
    h('p', {}, 'Every device signed in to your account will be signed out.'),
    form,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const parsed = ZResetPasswordRequest.safeParse({
      ...formValuesOf(form),
      token: tokenFromAddress(),
    });
    if (!parsed.success) return showErrors(form, issuesOf(parsed.error));
    button.disabled = true;
    try {
      await call(mailContracts.resetPassword, { body: parsed.data });
      showOutcome(
        main,
        'Your password is changed',
        h('p', {}, 'Sign in with your new password.'),
        h('p', {}, h('a', { href: '/login', class: 'button' }, 'Sign in')),
      );
    } catch (err) {
      button.disabled = false;
      showErrors(form, err);
      form.append(h('p', {}, h('a', { href: '/forgot-password' }, 'Ask for a new link')));
    }
  });
}
