import { z } from 'zod';
import {
  ZChangePasswordRequest,
  ZDeleteAccountRequest,
  ZLoginRequest,
  ZMeResponse,
  ZRegisterRequest,
} from '@govcraft/shared';
import { defineRoute, userIdOf, type AnyRouteSpec } from '../../http/route';
import { endSession, SESSION_COOKIE, startSession } from './session';
import type { AccountsService } from './service';

export function accountsRoutes(accounts: AccountsService): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/register',
      summary: 'Create an account and sign in',
      tags: ['accounts'],
      body: ZRegisterRequest,
      status: 201,
      response: ZMeResponse,
      errors: [409],
      access: { kind: 'public' },
      rateLimit: 'auth',
      handler: async ({ body, req }) => {
        const user = await accounts.register(body);
        await startSession(req, user.id);
        return accounts.me(user.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in with email and password',
      tags: ['accounts'],
      body: ZLoginRequest,
      response: ZMeResponse,
      errors: [401, 429],
      access: { kind: 'public' },
      handler: async ({ body, req }) => {
        const user = await accounts.login(body, req.ip ?? 'unknown');
        await startSession(req, user.id);
        return accounts.me(user.id);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out and destroy the session',
      tags: ['accounts'],
      status: 204,
      response: null,
      access: { kind: 'user' },
      handler: async ({ req, res }) => {
        await endSession(req);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/me',
      summary: 'Your profile, roles per area, XP and level',
      tags: ['accounts'],
      response: ZMeResponse,
      access: { kind: 'user' },
      handler: ({ actor }) => accounts.me(userIdOf(actor)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/password',
      summary: 'Change your password',
      tags: ['accounts'],
      body: ZChangePasswordRequest,
      status: 204,
      response: null,
      access: { kind: 'user' },
      rateLimit: 'password',
      handler: async ({ actor, body }) => {
        await accounts.changePassword(userIdOf(actor), body);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/export',
      summary: 'Download everything GovCraft holds about you (JSON)',
      tags: ['accounts'],
      response: z.record(z.string(), z.unknown()),
      access: { kind: 'user' },
      handler: async ({ actor, res }) => {
        res.setHeader('Content-Disposition', 'attachment; filename="govcraft-my-data.json"');
        return accounts.exportData(userIdOf(actor));
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/me',
      summary: 'Delete your account: personal data removed, XP kept anonymously',
      tags: ['accounts'],
      body: ZDeleteAccountRequest,
      status: 204,
      response: null,
      access: { kind: 'user' },
      rateLimit: 'password',
      handler: async ({ actor, body, req, res }) => {
        await accounts.deleteAccount(userIdOf(actor), body.password);
        await endSession(req);
        res.clearCookie(SESSION_COOKIE, { path: '/' });
      },
    }),
  ];
}
