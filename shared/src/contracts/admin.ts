import {
  ZAdminSetupLinkRequest,
  ZAdminSetupLinkResponse,
  ZCompleteAdminSetupRequest,
  ZCompleteAdminSetupResponse,
  ZGrantPlatformAdminRequest,
  ZGrantPlatformAdminResponse,
} from '../schemas/admin';
import { defineContracts } from './contract';

/**
 * The operator's routes: what `npm run admin:*` and `npm run backup` ask a running server
 * for (with the token in DATA_DIR, or as a platform admin), and the first admin's set-up.
 */
export const adminContracts = defineContracts('admin', {
  grantPlatformAdmin: {
    method: 'post',
    path: '/api/admin/platform-admins',
    summary: 'Make an existing account a platform admin (admin token or platform admin)',
    body: ZGrantPlatformAdminRequest,
    response: ZGrantPlatformAdminResponse,
    errors: [404],
  },
  createAdminSetupLink: {
    method: 'post',
    path: '/api/admin/setup-links',
    summary: 'Create (or find) a platform admin and a one-time link to choose its password',
    body: ZAdminSetupLinkRequest,
    status: 201,
    response: ZAdminSetupLinkResponse,
  },
  completeAdminSetup: {
    method: 'post',
    path: '/api/admin/setup',
    summary: 'Choose the password with a one-time set-up link (expires; works once)',
    body: ZCompleteAdminSetupRequest,
    response: ZCompleteAdminSetupResponse,
    errors: [404],
  },
  createBackup: {
    method: 'post',
    path: '/api/admin/backups',
    summary: 'A backup archive (.tar.gz: database dump and uploads) of this installation',
    response: null,
  },
});
