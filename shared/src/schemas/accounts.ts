import { z } from 'zod';
import { ZId, ZIsoDateTime, ZPlainText, ZSlug } from './common';
import { ZAreaRole, ZXpBySuperpower } from './domain';

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** Emails are compared trimmed and lower-cased. */
export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .toLowerCase()
  .pipe(z.email({ message: 'enter an email address like name@example.com' }));

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN, `use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `use at most ${PASSWORD_MAX} characters`);

export const ZDisplayName = ZPlainText(40, { min: 2 });

export const ZRegisterRequest = z.object({
  displayName: ZDisplayName,
  email: ZEmail,
  password: ZPassword,
});
export type RegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZLoginRequest = z.object({
  email: ZEmail,
  // Any length is checked against the hash; limits here only stop abuse of the hasher.
  password: z.string().min(1, 'enter your password').max(PASSWORD_MAX),
});
export type LoginRequest = z.infer<typeof ZLoginRequest>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'enter your current password').max(PASSWORD_MAX),
  newPassword: ZPassword,
});
export type ChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZDeleteAccountRequest = z.object({
  password: z.string().min(1, 'enter your password to confirm').max(PASSWORD_MAX),
});
export type DeleteAccountRequest = z.infer<typeof ZDeleteAccountRequest>;

export const ZAreaMembership = z.object({
  areaId: ZId,
  slug: ZSlug,
  name: z.string(),
  role: ZAreaRole,
});
export type AreaMembership = z.infer<typeof ZAreaMembership>;

export const ZProgressSummary = z.object({
  totalXp: z.number().int(),
  level: z.number().int(),
  levelStartXp: z.number().int(),
  nextLevelXp: z.number().int(),
  bySuperpower: ZXpBySuperpower,
  streakWeeks: z.number().int(),
  longestStreakWeeks: z.number().int(),
  questsCompleted: z.number().int(),
});
export type ProgressSummary = z.infer<typeof ZProgressSummary>;

export const ZMeResponse = z.object({
  id: ZId,
  displayName: z.string(),
  email: z.string(),
  /** False until the address is confirmed; until then the account cannot vote or vouch. */
  emailVerified: z.boolean(),
  isPlatformAdmin: z.boolean(),
  createdAt: ZIsoDateTime,
  memberships: z.array(ZAreaMembership),
  progress: ZProgressSummary,
});
/** A visitor's first call: answering 200 with `me: null` keeps the browser console clean. */
export const ZSessionResponse = z.object({ me: ZMeResponse.nullable() });
export type SessionResponse = z.infer<typeof ZSessionResponse>;

export type MeResponse = z.infer<typeof ZMeResponse>;

export const ZPublicProfile = z.object({
  id: ZId,
  displayName: z.string(),
  progress: ZProgressSummary,
});
export type PublicProfile = z.infer<typeof ZPublicProfile>;

export const ZUserIdParams = z.object({ userId: ZId });

/** GET /api/me/export: every table's rows about the caller, keyed by what they are. */
export const ZMyDataExport = z.record(z.string(), z.unknown());
