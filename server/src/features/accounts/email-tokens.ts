/**
 * Tokens sent by email: 32 random bytes in the link, only their SHA-256 in the database.
 * Issuing one spends the older ones of the same purpose; using one spends it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import * as repo from './email-repo';

export type { TokenPurpose } from './email-repo';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const TOKEN_TTL_MS: Record<repo.TokenPurpose, number> = {
  verify_email: 7 * 24 * 3600_000,
  reset_password: 3600_000,
  change_email: 24 * 3600_000,
};

export function createEmailTokens(infra: Pick<Infra, 'db' | 'clock'>) {
  return {
    /** A new token for `purpose`; every earlier one of that purpose stops working. */
    async issue(userId: string, purpose: repo.TokenPurpose, email: string): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const at = infra.clock.now();
      await infra.db.transaction((tx) =>
        repo.replaceToken(
          tx,
          {
            userId,
            purpose,
            email,
            tokenHash: hashOf(token),
            expiresAt: new Date(at.getTime() + TOKEN_TTL_MS[purpose]),
          },
          at,
        ),
      );
      return token;
    },

    /** Spends the token inside `tx`; a 400 on `token` when it is unknown, used or expired. */
    async spend(tx: DbOrTx, purpose: repo.TokenPurpose, token: string): Promise<repo.TokenRow> {
      const row = await repo.spendToken(tx, purpose, hashOf(token), infra.clock.now());
      if (!row)
        throw AppError.field(
          'token',
          'this link has expired or was already used; ask for a new one',
        );
      return row;
    },
  };
}
export type EmailTokens = ReturnType<typeof createEmailTokens>;
