/** "Forgot your password?": asks for the address; the answer is the same whoever asks. */
import { mailContracts, ZForgotPasswordRequest } from '@govcraft/shared';
import { call } from '../net/call';
import { h } from '../ui/dom';
import { clearErrors, issuesOf, showErrors } from '../ui/errors';
import { emailFlowPage, formValuesOf, inputField, showOutcome } from './email-pages-shell';

export function renderForgotPasswordPage(root: HTMLElement): void {
  const button = h('button', { type: 'submit', class: 'button' }, 'Send me a link');
  const form = h(
    'form',
    { novalidate: true, class: 'auth-form' },
    inputField('email', 'Email address', 'email', 'email'),
    button,
  );
  const main = emailFlowPage(
    root,
    'Forgot your password?',
    h(
      'p',
      {},
      'Enter the address you signed up with. We will email you a link to choose a new password.',
    ),
    form,
    h('p', {}, h('a', { href: '/login' }, 'Back to sign in')),
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const parsed = ZForgotPasswordRequest.safeParse(formValuesOf(form));
    if (!parsed.success) return showErrors(form, issuesOf(parsed.error));
    button.disabled = true;
    try {
      const answer = await call(mailContracts.forgotPassword, { body: parsed.data });
      showOutcome(
        main,
        'Check your email',
        h('p', {}, answer.message),
        h('p', {}, h('a', { href: '/login' }, 'Back to sign in')),
      );
    } catch (err) {
      button.disabled = false;
      showErrors(form, err);
    }
  });
}
