import { mailContracts as api } from '@govcraft/shared';
import { defineRoute, PUBLIC, SIGNED_IN, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { AccountsService } from './service';

const SENT_AGAIN = { message: 'We sent the link again. Check your inbox.' };

export function emailRoutes(accounts: AccountsService): AnyRouteSpec[] {
  return [
    defineRoute(api.verifyEmail, {
      access: PUBLIC,
      rateLimit: 'auth',
      handler: ({ body }) => accounts.verifyEmail(body.token),
    }),
    defineRoute(api.resendVerification, {
      access: SIGNED_IN,
      rateLimit: 'password',
      handler: async ({ actor }) => {
        await accounts.sendVerification(userIdOf(actor));
        return SENT_AGAIN;
      },
    }),
    defineRoute(api.forgotPassword, {
      access: PUBLIC,
      rateLimit: 'auth',
      handler: ({ body, req }) => accounts.requestPasswordReset(body, req.ip ?? 'unknown'),
    }),
    defineRoute(api.resetPassword, {
      access: PUBLIC,
      rateLimit: 'password',
      handler: ({ body }) => accounts.resetPassword(body),
    }),
    defineRoute(api.changeEmail, {
      access: SIGNED_IN,
      rateLimit: 'password',
      handler: ({ actor, body }) => accounts.requestEmailChange(userIdOf(actor), body),
    }),
    defineRoute(api.confirmEmailChange, {
      access: PUBLIC,
      rateLimit: 'password',
      handler: ({ body }) => accounts.confirmEmailChange(body.token),
    }),
  ];
}
