/** The pages email links open (and "forgot your password?"), chosen by path. */
import type { EmailFlowRoute } from '../app/routes';
import { renderUnsubscribePage } from '../notifications/unsubscribe-page';
import { renderChangeEmailPage } from './change-email';
import { renderForgotPasswordPage } from './forgot-password';
import { renderResetPasswordPage } from './reset-password';
import { renderVerifyEmailPage } from './verify-email';

export async function renderEmailFlowPage(root: HTMLElement, route: EmailFlowRoute): Promise<void> {
  switch (route) {
    case 'forgot-password':
      return renderForgotPasswordPage(root);
    case 'reset-password':
      return renderResetPasswordPage(root);
    case 'verify-email':
      return renderVerifyEmailPage(root, 'verify');
    case 'change-email':
      return renderChangeEmailPage(root);
    case 'unsubscribe':
      return renderUnsubscribePage(root);
  }
}
