/**
 * What only an operator does: make platform admins and give the first one a password it
 * chooses itself, through a one-time link. No account is ever created with a known
 * password: a new admin has none until its link is used.
 */
import { createHash, randomBytes } from 'node:crypto';
import type {
  AdminSetupLinkRequest,
  AdminSetupLinkResponse,
  CompleteAdminSetupRequest,
  GrantPlatformAdminResponse,
} from '@govcraft/shared';
import type { Infra } from '../context';
import { hashPassword } from '../features/accounts/password';
import { AppError } from '../lib/errors';
import * as repo from './repo';

/** How long a set-up link works. */
export const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The page that takes the token from the fragment, so it is never in a request line or log. */
export const setupLinkFor = (baseUrl: string, token: string) =>
  `${baseUrl.replace(/\/$/, '')}/admin/setup#token=${token}`;

export function createAdminService(infra: Pick<Infra, 'db' | 'config' | 'clock'>) {
  async function grantPlatformAdmin(email: string): Promise<GrantPlatformAdminResponse> {
    const user = await repo.activeUserByEmail(infra.db, email);
    if (!user) {
      throw new AppError('not_found', `email: no account with email ${email}`, {
        issues: [{ path: 'email', message: 'no account has this email' }],
      });
    }
    await repo.setPlatformAdmin(infra.db, user.id);
    return { userId: user.id, email };
  }

  /** Creates the admin when missing, retires its earlier links and makes a new one. */
  async function createSetupLink(
    input: AdminSetupLinkRequest,
    baseUrl: string,
  ): Promise<AdminSetupLinkResponse> {
    const token = randomBytes(32).toString('base64url');
    const now = infra.clock.now();
    const expiresAt = new Date(now.getTime() + SETUP_LINK_TTL_MS);
    const { userId, created } = await infra.db.transaction(async (tx) => {
      const inserted = await repo.insertPasswordlessAdmin(tx, {
        email: input.email,
        displayName: input.displayName ?? 'Administrator',
      });
      if (inserted) return { userId: inserted.id, created: true };
      const existing = await repo.activeUserByEmail(tx, input.email);
      if (!existing)
        throw new AppError('conflict', `email: ${input.email} belongs to a deleted account`);
      await repo.setPlatformAdmin(tx, existing.id);
      return { userId: existing.id, created: false };
    });
    await infra.db.transaction(async (tx) => {
      await repo.retireSetupTokensOf(tx, userId, now);
      await repo.insertSetupToken(tx, { tokenHash: sha256(token), userId, expiresAt });
    });
    return {
      userId,
      email: input.email,
      link: setupLinkFor(baseUrl, token),
      expiresAt: expiresAt.toISOString(),
      created,
    };
  }

  async function completeSetup(input: CompleteAdminSetupRequest): Promise<{ email: string }> {
    const hash = await hashPassword(input.password, infra.config.SCRYPT_LOG_N);
    return infra.db.transaction(async (tx) => {
      const used = await repo.useSetupToken(tx, sha256(input.token), infra.clock.now());
      if (!used) {
        throw new AppError('not_found', 'this set-up link has expired or was already used', {
          issues: [{ path: 'token', message: 'expired or already used; ask for a new link' }],
        });
      }
      return { email: await repo.setPasswordHash(tx, used.userId, hash) };
    });
  }

  /**
   * ADMIN_EMAIL at start: until that admin has chosen a password, each start makes a new
   * link (the last one printed is the one that works). Answers the link, or null.
   */
  async function ensureFirstAdmin(email: string, baseUrl: string): Promise<string | null> {
    const user = await repo.activeUserByEmail(infra.db, email.trim().toLowerCase());
    if (user?.passwordHash && user.isPlatformAdmin) return null;
    if (user?.passwordHash) {
      await repo.setPlatformAdmin(infra.db, user.id);
      return null;
    }
    return (await createSetupLink({ email: email.trim().toLowerCase() }, baseUrl)).link;
  }

  return {
    grantPlatformAdmin,
    createSetupLink,
    completeSetup,
    ensureFirstAdmin,
    hasUsablePlatformAdmin: () => repo.anyUsablePlatformAdmin(infra.db),
  };
}
export type AdminService = ReturnType<typeof createAdminService>;
