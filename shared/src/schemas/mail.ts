/** Requests of the account flows that go through email: verify, reset, change address. */
import { z } from 'zod';
import { PASSWORD_MAX, ZEmail, ZPassword } from './accounts';

/** Tokens travel in links: base64url, fixed length. */
export const ZEmailToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'this link is not complete; open it again from the email');

export const ZEmailTokenRequest = z.object({ token: ZEmailToken });
export type EmailTokenRequest = z.infer<typeof ZEmailTokenRequest>;

export const ZForgotPasswordRequest = z.object({ email: ZEmail });
export type ForgotPasswordRequest = z.infer<typeof ZForgotPasswordRequest>;

export const ZResetPasswordRequest = z.object({ token: ZEmailToken, newPassword: ZPassword });
export type ResetPasswordRequest = z.infer<typeof ZResetPasswordRequest>;

export const ZChangeEmailRequest = z.object({
  newEmail: ZEmail,
  password: z.string().min(1, 'enter your password to confirm').max(PASSWORD_MAX),
});
export type ChangeEmailRequest = z.infer<typeof ZChangeEmailRequest>;

/** The same words whoever asked, so an answer never tells whether an address has an account. */
export const ZEmailSentResponse = z.object({ message: z.string() });
export type EmailSentResponse = z.infer<typeof ZEmailSentResponse>;

export const ZEmailVerifiedResponse = z.object({ email: z.string(), verified: z.literal(true) });
