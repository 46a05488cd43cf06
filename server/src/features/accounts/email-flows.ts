/**
 * The account flows that go through email, composed: verification, password reset and
 * change of address, with the tokens and the per-user session index they share.
 */
import type { Infra } from '../../context';
import type { RateLimits } from '../../http/rate-limit';
import type { MailService } from '../mail/service';
import { createEmailChange } from './email-change';
import { createEmailTokens } from './email-tokens';
import { createEmailVerification } from './email-verification';
import { createPasswordReset } from './password-reset';
import { createSessionIndex } from './session-index';

export interface EmailFlowDeps {
  mail: Pick<MailService, 'send' | 'link'>;
  rateLimits: RateLimits;
  checkOwnPassword: (userId: string, password: string) => Promise<void>;
}

export function createEmailFlows(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'config' | 'redis' | 'key' | 'io'>,
  deps: EmailFlowDeps,
) {
  const tokens = createEmailTokens(infra);
  const sessions = createSessionIndex(infra);
  const verification = createEmailVerification(infra, { mail: deps.mail, tokens });
  const reset = createPasswordReset(infra, { ...deps, tokens, sessions });
  const change = createEmailChange(infra, { ...deps, tokens });
  return {
    sendVerification: verification.sendVerification,
    verifyEmail: verification.verifyEmail,
    requireVerifiedEmail: verification.requireVerifiedEmail,
    confirmEmailWithoutLink: verification.confirmEmailWithoutLink,
    requestPasswordReset: reset.requestReset,
    resetPassword: reset.resetPassword,
    requestEmailChange: change.requestChange,
    confirmEmailChange: change.confirmChange,
    /** Called right after a session starts, so a reset can end it later. */
    rememberSession: sessions.remember,
    emailJobs: [...reset.jobs, ...change.jobs],
  };
}
