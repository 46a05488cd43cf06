import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { areaMemberships, areas, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

export async function insertUser(
  db: DbOrTx,
  values: { email: string; displayName: string; passwordHash: string; isPlatformAdmin?: boolean },
): Promise<UserRow | null> {
  const rows = await db
    .insert(users)
    .values(values)
    .onConflictDoNothing({ target: users.email })
    .returning();
  return rows[0] ?? null;
}

/** The one user matching `match` that has not deleted their account, or null. */
async function findActiveUser(db: DbOrTx, match: SQL): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(and(match, isNull(users.deletedAt)))
    .limit(1);
  return rows[0] ?? null;
}

export const findActiveUserByEmail = (db: DbOrTx, email: string) =>
  findActiveUser(db, eq(users.email, email));

export const findActiveUserById = (db: DbOrTx, id: string) => findActiveUser(db, eq(users.id, id));

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function updatePasswordHash(
  db: DbOrTx,
  id: string,
  passwordHash: string,
): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, id));
}

/** Wipes personal data; the row stays so ledger and team totals keep their owner. */
export async function anonymiseUser(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(users)
    .set({
      email: null,
      passwordHash: null,
      displayName: 'Former resident',
      deletedAt: at,
      isPlatformAdmin: false,
    })
    .where(eq(users.id, id));
}

export async function membershipsOf(db: DbOrTx, userId: string) {
  return db
    .select({ areaId: areas.id, slug: areas.slug, name: areas.name, role: areaMemberships.role })
    .from(areaMemberships)
    .innerJoin(areas, eq(areas.id, areaMemberships.areaId))
    .where(eq(areaMemberships.userId, userId));
}

export async function deleteMembershipsOf(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(areaMemberships).where(eq(areaMemberships.userId, userId));
}

export async function setPlatformAdmin(db: DbOrTx, id: string, value: boolean): Promise<void> {
  await db.update(users).set({ isPlatformAdmin: value }).where(eq(users.id, id));
}
