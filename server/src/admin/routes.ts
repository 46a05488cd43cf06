import type { Request } from 'express';
import { adminContracts as api } from '@govcraft/shared';
import type { Infra } from '../context';
import { ADMIN_TOKEN_OR_PLATFORM_ADMIN } from '../http/admin-token-access';
import { defineRoute, PUBLIC, type AnyRouteSpec } from '../http/route';
import { sendBackup } from './backup/from-server';
import type { AdminService } from './service';

/** Links point at PUBLIC_URL, or else at the address the request came to. */
const baseUrlOf = (infra: Pick<Infra, 'config'>, req: Request) =>
  infra.config.PUBLIC_URL ?? `${req.protocol}://${req.get('host')}`;

export function adminRoutes(
  infra: Pick<Infra, 'config' | 'database'>,
  admin: AdminService,
): AnyRouteSpec[] {
  return [
    defineRoute(api.grantPlatformAdmin, {
      access: ADMIN_TOKEN_OR_PLATFORM_ADMIN,
      handler: ({ body }) => admin.grantPlatformAdmin(body.email),
    }),
    defineRoute(api.createAdminSetupLink, {
      access: ADMIN_TOKEN_OR_PLATFORM_ADMIN,
      handler: ({ body, req }) => admin.createSetupLink(body, baseUrlOf(infra, req)),
    }),
    defineRoute(api.completeAdminSetup, {
      access: PUBLIC,
      rateLimit: 'password',
      handler: ({ body }) => admin.completeSetup(body),
    }),
    defineRoute(api.createBackup, {
      access: ADMIN_TOKEN_OR_PLATFORM_ADMIN,
      handler: ({ res }) => sendBackup(infra, res),
    }),
  ];
}
