/** The admin commands' database access: platform admins and their one-time set-up links. */
import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { firstRow } from '../db/rows';
import { adminSetupTokens, users } from '../db/schema';

export async function activeUserByEmail(db: DbOrTx, email: string) {
  return firstRow(
    db
      .select({
        id: users.id,
        email: users.email,
        passwordHash: users.passwordHash,
        isPlatformAdmin: users.isPlatformAdmin,
      })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deletedAt)))
      .limit(1),
  );
}

/** Whether any active account can already act as a platform admin (has a password). */
export async function anyUsablePlatformAdmin(db: DbOrTx): Promise<boolean> {
  const row = await firstRow(
    db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.isPlatformAdmin, true),
          isNull(users.deletedAt),
          isNotNull(users.passwordHash),
        ),
      )
      .limit(1),
  );
  return row !== null;
}

/** A platform admin with no password yet: it signs in only after using its set-up link. */
export async function insertPasswordlessAdmin(
  db: DbOrTx,
  values: { email: string; displayName: string },
): Promise<{ id: string } | null> {
  const rows = await db
    .insert(users)
    .values({ ...values, passwordHash: null, isPlatformAdmin: true })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return rows[0] ?? null;
}

export async function setPlatformAdmin(db: DbOrTx, userId: string): Promise<void> {
  await db.update(users).set({ isPlatformAdmin: true }).where(eq(users.id, userId));
}

/** Answers the account's email. */
export async function setPasswordHash(db: DbOrTx, userId: string, hash: string): Promise<string> {
  const rows = await db
    .update(users)
    .set({ passwordHash: hash })
    .where(eq(users.id, userId))
    .returning({ email: users.email });
  return rows[0]?.email ?? '';
}

/** Earlier links of the account stop working when a new one is made. */
export async function retireSetupTokensOf(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db
    .update(adminSetupTokens)
    .set({ usedAt: at })
    .where(and(eq(adminSetupTokens.userId, userId), isNull(adminSetupTokens.usedAt)));
}

export async function insertSetupToken(
  db: DbOrTx,
  values: { tokenHash: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(adminSetupTokens).values(values);
}

/**
 * Marks an unused, unexpired token used and answers its account; null otherwise. One
 * UPDATE … RETURNING, so two uses racing each other cannot both succeed.
 */
export async function useSetupToken(
  db: DbOrTx,
  tokenHash: string,
  at: Date,
): Promise<{ userId: string } | null> {
  const rows = await db
    .update(adminSetupTokens)
    .set({ usedAt: at })
    .where(
      and(
        eq(adminSetupTokens.tokenHash, tokenHash),
        isNull(adminSetupTokens.usedAt),
        gt(adminSetupTokens.expiresAt, at),
      ),
    )
    .returning({ userId: adminSetupTokens.userId });
  return rows[0] ?? null;
}
