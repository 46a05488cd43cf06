import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow, insertUnlessTaken } from '../../db/rows';
import { areaMemberships, areas, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

/** Null when the email is taken. */
export function insertUser(
  db: DbOrTx,
  values: { email: string; displayName: string; passwordHash: string; isPlatformAdmin?: boolean },
): Promise<UserRow | null> {
  return insertUnlessTaken(db, users, values, users.email);
}

/** The one user matching `match` that has not deleted their account, or null. */
async function findActiveUser(db: DbOrTx, match: SQL): Promise<UserRow | null> {
  return firstRow(
    db
      .select()
      .from(users)
      .where(and(match, isNull(users.deletedAt)))
      .limit(1),
  );
}

export const findActiveUserByEmail = (db: DbOrTx, email: string) =>
  findActiveUser(db, eq(users.email, email));

export const findActiveUserById = (db: DbOrTx, id: string) => findActiveUser(db, eq(users.id, id));

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | null> {
  return firstRow(db.select().from(users).where(eq(users.id, id)).limit(1));
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
