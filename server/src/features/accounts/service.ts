import type {
  AreaRole,
  ChangePasswordRequest,
  LoginRequest,
  MeResponse,
  ProgressSummary,
  RegisterRequest,
} from '@govcraft/shared';
import { AREA_ROLES } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError, forbidden } from '../../lib/errors';
import type { RateLimits } from '../../http/rate-limit';
import type { MailService } from '../mail/service';
import type { Actor } from './actor';
import { createEmailFlows } from './email-flows';
import { hashPassword, verifyPassword } from './password';
import * as repo from './repo';

export interface AccountsDeps {
  rateLimits: RateLimits;
  progressSummary: (userId: string) => Promise<ProgressSummary>;
  mail: Pick<MailService, 'send' | 'link'>;
}

export function roleRank(role: AreaRole): number {
  return AREA_ROLES.indexOf(role);
}

export function createAccountsService(
  infra: Pick<Infra, 'db' | 'config' | 'clock' | 'jobs' | 'redis' | 'key' | 'io'>,
  deps: AccountsDeps,
) {
  const email = createEmailFlows(infra, {
    mail: deps.mail,
    rateLimits: deps.rateLimits,
    checkOwnPassword: (userId, password) =>
      checkOwnPassword(userId, password, 'password', 'that is not your password'),
  });

  // Hashing a fixed password for unknown emails makes both answers cost the same.
  let dummyHash: Promise<string> | null = null;
  const dummy = () =>
    (dummyHash ??= hashPassword('not-a-real-password', infra.config.SCRYPT_LOG_N));

  async function register(input: RegisterRequest) {
    const passwordHash = await hashPassword(input.password, infra.config.SCRYPT_LOG_N);
    const user = await repo.insertUser(infra.db, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
    });
    if (!user)
      throw new AppError('conflict', 'email: an account with this email already exists', {
        issues: [{ path: 'email', message: 'an account with this email already exists' }],
      });
    await email.sendVerification(user.id);
    return user;
  }

  /**
   * Same answer and similar cost for a wrong password and an unknown email. Limits: the
   * address's sign-in budget, then the growing wait for this account from this address, so
   * guesses from elsewhere never make the owner wait.
   */
  async function login(input: LoginRequest, ip: string) {
    await deps.rateLimits.consume('auth', ip, null);
    const attempt = await deps.rateLimits.login.begin(input.email, ip);
    const user = await repo.findActiveUserByEmail(infra.db, input.email);
    const ok = user?.passwordHash
      ? await verifyPassword(input.password, user.passwordHash)
      : (await verifyPassword(input.password, await dummy()), false);
    if (!user || !ok) {
      await attempt.failed();
      throw new AppError('invalid_credentials', 'that email and password do not match an account');
    }
    await attempt.succeeded();
    return user;
  }

  /** Refuses with a 401 on `field` unless `password` is the signed-in account's own. */
  async function checkOwnPassword(
    userId: string,
    password: string,
    field: 'password' | 'currentPassword',
    message: string,
  ): Promise<void> {
    const user = await repo.findActiveUserById(infra.db, userId);
    if (!user?.passwordHash || !(await verifyPassword(password, user.passwordHash))) {
      throw new AppError('invalid_credentials', `${field}: ${message}`, {
        issues: [{ path: field, message }],
      });
    }
  }

  async function changePassword(userId: string, input: ChangePasswordRequest) {
    await checkOwnPassword(
      userId,
      input.currentPassword,
      'currentPassword',
      'that is not your current password',
    );
    await repo.updatePasswordHash(
      infra.db,
      userId,
      await hashPassword(input.newPassword, infra.config.SCRYPT_LOG_N),
    );
  }

  async function actorFor(userId: string): Promise<Actor | null> {
    const user = await repo.findActiveUserById(infra.db, userId);
    return user ? { userId: user.id, isPlatformAdmin: user.isPlatformAdmin } : null;
  }

  async function roleIn(userId: string, areaId: string): Promise<AreaRole | null> {
    const memberships = await repo.membershipsOf(infra.db, userId);
    const found = memberships.find((m) => m.areaId === areaId);
    return found ? (found.role as AreaRole) : null;
  }

  /** The one authorisation rule: your role in the area must be at least the one needed. */
  async function authorise(actor: Actor, needed: AreaRole, areaId: string): Promise<void> {
    if (actor.isPlatformAdmin) return;
    const role = await roleIn(actor.userId, areaId);
    if (!role || roleRank(role) < roleRank(needed)) {
      throw forbidden(`you need the ${needed} role in this area`);
    }
  }

  async function me(userId: string): Promise<MeResponse> {
    const user = await repo.findActiveUserById(infra.db, userId);
    if (!user) throw new AppError('unauthenticated', 'sign in to do this');
    const memberships = await repo.membershipsOf(infra.db, userId);
    return {
      id: user.id,
      displayName: user.displayName,
      email: user.email ?? '',
      emailVerified: user.emailVerifiedAt !== null,
      isPlatformAdmin: user.isPlatformAdmin,
      createdAt: user.createdAt.toISOString(),
      memberships: memberships.map((m) => ({ ...m, role: m.role as AreaRole })),
      progress: await deps.progressSummary(userId),
    };
  }

  /** Deleting an account asks for its password again. */
  const confirmPassword = (userId: string, password: string) =>
    checkOwnPassword(userId, password, 'password', 'that is not your password');

  /** The account's own part of a deletion, inside the caller's transaction. */
  async function eraseAccount(tx: DbOrTx, userId: string): Promise<void> {
    await repo.deleteMembershipsOf(tx, userId);
    await repo.anonymiseUser(tx, userId, infra.clock.now());
  }

  return {
    ...email,
    register,
    login,
    changePassword,
    actorFor,
    roleIn,
    authorise,
    me,
    confirmPassword,
    eraseAccount,
    /** Platform admins create areas; granted by the seed (demo) or `npm run admin:grant`. */
    grantPlatformAdmin: (userId: string) => repo.setPlatformAdmin(infra.db, userId, true),
    displayNameOf: async (userId: string) =>
      (await repo.findUserById(infra.db, userId))?.displayName ?? null,
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
