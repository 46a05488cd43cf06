import { accountsContracts as api } from '@govcraft/shared';
import { defineRoute, SIGNED_IN, userIdOf, type AnyRouteSpec } from '../../http/route';
import { endSession, SESSION_COOKIE } from '../accounts/session';
import type { PrivacyService } from './service';

/** The person's own data: download it, or delete the account (and sign out). */
export function privacyRoutes(privacy: PrivacyService): AnyRouteSpec[] {
  return [
    defineRoute(api.exportMyData, {
      access: SIGNED_IN,
      handler: async ({ actor, res }) => {
        res.setHeader('Content-Disposition', 'attachment; filename="govcraft-my-data.json"');
        return privacy.exportData(userIdOf(actor));
      },
    }),
    defineRoute(api.deleteAccount, {
      access: SIGNED_IN,
      rateLimit: 'password',
      handler: async ({ actor, body, req, res }) => {
        await privacy.deleteAccount(userIdOf(actor), body.password);
        await endSession(req);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    }),
  ];
}
