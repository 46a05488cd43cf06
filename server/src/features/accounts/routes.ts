import type { Request, Response } from 'express';
import { accountsContracts as api } from '@govcraft/shared';
import { defineRoute, PUBLIC, SIGNED_IN, userIdOf, type AnyRouteSpec } from '../../http/route';
import { endSession, SESSION_COOKIE, startSession } from './session';
import type { AccountsService } from './service';

async function signOut(req: Request, res: Response): Promise<void> {
  await endSession(req);
  res.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function accountsRoutes(accounts: AccountsService): AnyRouteSpec[] {
  /** Starts a session for the user just registered or signed in and answers their profile. */
  const signIn = async (req: Request, user: { id: string }) => {
    await startSession(req, user.id);
    await accounts.rememberSession(user.id, req.sessionID);
    return accounts.me(user.id);
  };
  return [
    defineRoute(api.register, {
      access: PUBLIC,
      rateLimit: 'auth',
      handler: async ({ body, req }) => signIn(req, await accounts.register(body)),
    }),
    defineRoute(api.login, {
      access: PUBLIC,
      handler: async ({ body, req }) =>
        signIn(req, await accounts.login(body, req.ip ?? 'unknown')),
    }),
    defineRoute(api.logout, {
      access: SIGNED_IN,
      handler: ({ req, res }) => signOut(req, res),
    }),
    defineRoute(api.getSession, {
      access: PUBLIC,
      handler: async ({ actor }) => ({ me: actor ? await accounts.me(actor.userId) : null }),
    }),
    defineRoute(api.getMe, {
      access: SIGNED_IN,
      handler: ({ actor }) => accounts.me(userIdOf(actor)),
    }),
    defineRoute(api.changePassword, {
      access: SIGNED_IN,
      rateLimit: 'password',
      handler: ({ actor, body }) => accounts.changePassword(userIdOf(actor), body),
    }),
    // Exporting and deleting your data: privacy/routes.ts (it spans several features).
  ];
}
