/** The database side of the email flows: single-use tokens, verified and changed addresses. */
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { accountTokens, areaMemberships, areas, users } from '../../db/schema';

export type TokenPurpose = 'verify_email' | 'reset_password' | 'change_email';
export type TokenRow = typeof accountTokens.$inferSelect;

/** Spends every live token of this purpose, then stores the new one: only the newest works. */
export async function replaceToken(
  tx: DbOrTx,
  values: {
    userId: string;
    purpose: TokenPurpose;
    tokenHash: string;
    email: string;
    expiresAt: Date;
  },
  at: Date,
): Promise<void> {
  await tx
    .update(accountTokens)
    .set({ spentAt: at })
    .where(
      and(
        eq(accountTokens.userId, values.userId),
        eq(accountTokens.purpose, values.purpose),
        isNull(accountTokens.spentAt),
      ),
    );
  await tx.insert(accountTokens).values(values);
}

/** Marks a live, unexpired token spent and answers it; null when there is no such token. */
export function spendToken(
  tx: DbOrTx,
  purpose: TokenPurpose,
  tokenHash: string,
  at: Date,
): Promise<TokenRow | null> {
  return firstRow(
    tx
      .update(accountTokens)
      .set({ spentAt: at })
      .where(
        and(
          eq(accountTokens.tokenHash, tokenHash),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.spentAt),
          gt(accountTokens.expiresAt, at),
        ),
      )
      .returning(),
  );
}

/** Sets the verified time only while the address is still the one the token was sent to. */
export async function markEmailVerified(
  tx: DbOrTx,
  userId: string,
  email: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(users)
    .set({ emailVerifiedAt: at })
    .where(and(eq(users.id, userId), eq(users.email, email), isNull(users.deletedAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function changeEmail(
  tx: DbOrTx,
  userId: string,
  email: string,
  at: Date,
): Promise<void> {
  await tx.update(users).set({ email, emailVerifiedAt: at }).where(eq(users.id, userId));
}

/** Whose area to name in an account email: the first one joined, else the first area made. */
export async function homeAreaName(db: DbOrTx, userId: string): Promise<string | null> {
  const joined = await firstRow(
    db
      .select({ name: areas.name })
      .from(areaMemberships)
      .innerJoin(areas, eq(areas.id, areaMemberships.areaId))
      .where(eq(areaMemberships.userId, userId))
      .orderBy(asc(areaMemberships.joinedAt))
      .limit(1),
  );
  if (joined) return joined.name;
  const first = await firstRow(
    db.select({ name: areas.name }).from(areas).orderBy(asc(areas.createdAt)).limit(1),
  );
  return first?.name ?? null;
}
