/** What the operator's admin commands send and receive (first admin, grants, backups). */
import { z } from 'zod';
import { ZDisplayName, ZEmail, ZPassword } from './accounts';
import { ZId, ZIsoDateTime } from './common';

export const ZGrantPlatformAdminRequest = z.object({ email: ZEmail });
export type GrantPlatformAdminRequest = z.infer<typeof ZGrantPlatformAdminRequest>;

export const ZGrantPlatformAdminResponse = z.object({ userId: ZId, email: z.string() });
export type GrantPlatformAdminResponse = z.infer<typeof ZGrantPlatformAdminResponse>;

export const ZAdminSetupLinkRequest = z.object({
  email: ZEmail,
  /** Used only when the account does not exist yet. */
  displayName: ZDisplayName.optional(),
});
export type AdminSetupLinkRequest = z.infer<typeof ZAdminSetupLinkRequest>;

export const ZAdminSetupLinkResponse = z.object({
  userId: ZId,
  email: z.string(),
  /** Open once to choose the password; the token is in the fragment, never sent in logs. */
  link: z.string(),
  expiresAt: ZIsoDateTime,
  /** Whether the account was created for this link. */
  created: z.boolean(),
});
export type AdminSetupLinkResponse = z.infer<typeof ZAdminSetupLinkResponse>;

/** Set-up tokens travel in links: base64url of 32 random bytes. */
export const ZAdminSetupToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'this set-up link is not complete; copy all of it');

export const ZCompleteAdminSetupRequest = z.object({
  token: ZAdminSetupToken,
  password: ZPassword,
});
export type CompleteAdminSetupRequest = z.infer<typeof ZCompleteAdminSetupRequest>;

export const ZCompleteAdminSetupResponse = z.object({ email: z.string() });
export type CompleteAdminSetupResponse = z.infer<typeof ZCompleteAdminSetupResponse>;
