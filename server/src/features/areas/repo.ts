import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow, insertUnlessTaken } from '../../db/rows';
import { areaMemberships, areas, invites, quests, users } from '../../db/schema';

export type AreaRow = typeof areas.$inferSelect;

/** Null when the slug is taken. */
export function insertArea(db: DbOrTx, values: typeof areas.$inferInsert): Promise<AreaRow | null> {
  return insertUnlessTaken(db, areas, values, areas.slug);
}

export async function findAreaBySlug(db: DbOrTx, slug: string): Promise<AreaRow | null> {
  return firstRow(db.select().from(areas).where(eq(areas.slug, slug)).limit(1));
}

export async function findAreaById(db: DbOrTx, id: string): Promise<AreaRow | null> {
  return firstRow(db.select().from(areas).where(eq(areas.id, id)).limit(1));
}

export async function listAreas(db: DbOrTx): Promise<AreaRow[]> {
  return db.select().from(areas).orderBy(asc(areas.name));
}

export async function findMembership(db: DbOrTx, areaId: string, userId: string) {
  return firstRow(
    db
      .select()
      .from(areaMemberships)
      .where(and(eq(areaMemberships.areaId, areaId), eq(areaMemberships.userId, userId)))
      .limit(1),
  );
}

/** Inserts or changes a membership; returns the role before (null when new). */
export async function upsertMembership(db: DbOrTx, areaId: string, userId: string, role: string) {
  const before = await findMembership(db, areaId, userId);
  if (before) {
    await db
      .update(areaMemberships)
      .set({ role })
      .where(and(eq(areaMemberships.areaId, areaId), eq(areaMemberships.userId, userId)));
  } else {
    await db.insert(areaMemberships).values({ areaId, userId, role });
  }
  return before?.role ?? null;
}

export async function listMembers(db: DbOrTx, areaId: string) {
  return db
    .select({
      userId: areaMemberships.userId,
      displayName: users.displayName,
      role: areaMemberships.role,
      joinedAt: areaMemberships.joinedAt,
    })
    .from(areaMemberships)
    .innerJoin(users, eq(users.id, areaMemberships.userId))
    .where(eq(areaMemberships.areaId, areaId))
    .orderBy(asc(areaMemberships.joinedAt));
}

export async function insertInvite(db: DbOrTx, values: typeof invites.$inferInsert) {
  const rows = await db.insert(invites).values(values).returning();
  return rows[0]!;
}

/** Marks an unused, unexpired invite used; null when none matches (so it is single-use). */
export async function claimInvite(db: DbOrTx, codeHash: string, userId: string, now: Date) {
  return firstRow(
    db
      .update(invites)
      .set({ usedBy: userId, usedAt: now })
      .where(
        and(eq(invites.codeHash, codeHash), isNull(invites.usedAt), gt(invites.expiresAt, now)),
      )
      .returning(),
  );
}

/** The area row, locked until the transaction ends (archive and delete decide on it). */
export async function lockArea(db: DbOrTx, id: string): Promise<AreaRow | null> {
  return firstRow(db.select().from(areas).where(eq(areas.id, id)).for('update'));
}

/** Replaces the area's map drawing (an imported OpenStreetMap extract). */
export async function setMapFeatures(db: DbOrTx, id: string, map: unknown): Promise<void> {
  await db.update(areas).set({ mapFeatures: map }).where(eq(areas.id, id));
}

export async function setArchivedAt(db: DbOrTx, id: string, at: Date | null): Promise<AreaRow> {
  const rows = await db.update(areas).set({ archivedAt: at }).where(eq(areas.id, id)).returning();
  return rows[0]!;
}

/** What keeps an area from being deleted: its quests (any status) and its members. */
export async function contentsOf(db: DbOrTx, areaId: string) {
  const [q] = await db.select({ n: count() }).from(quests).where(eq(quests.areaId, areaId));
  const [m] = await db
    .select({ n: count() })
    .from(areaMemberships)
    .where(eq(areaMemberships.areaId, areaId));
  return { quests: Number(q?.n ?? 0), members: Number(m?.n ?? 0) };
}

export async function deleteArea(db: DbOrTx, id: string): Promise<void> {
  await db.delete(areas).where(eq(areas.id, id));
}
