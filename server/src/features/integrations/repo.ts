/**
 * The only code of the integrations feature that touches the database: connections, the
 * links from outside requests to quests (unique per connection and remote id), and the
 * outbox of statuses going back.
 */
import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow, insertUnlessTaken } from '../../db/rows';
import {
  integrationConnections as connections,
  integrationLinks as links,
  integrationPushes as pushes,
  quests,
} from '../../db/schema';

export type ConnectionRow = typeof connections.$inferSelect;
export type LinkRow = typeof links.$inferSelect;
export type PushRow = typeof pushes.$inferSelect;

export async function insertConnection(db: DbOrTx, values: typeof connections.$inferInsert) {
  return (await db.insert(connections).values(values).returning())[0]!;
}

export const connectionById = (db: DbOrTx, id: string) =>
  firstRow(db.select().from(connections).where(eq(connections.id, id)));

export const connectionsOf = (db: DbOrTx, areaId: string) =>
  db
    .select()
    .from(connections)
    .where(eq(connections.areaId, areaId))
    .orderBy(asc(connections.createdAt));

/** Enabled Open311 connections whose next poll is due at `now`. */
export const dueConnections = (db: DbOrTx, now: Date) =>
  db
    .select({ id: connections.id, pollEveryMs: connections.pollEveryMs })
    .from(connections)
    .where(
      and(
        eq(connections.enabled, true),
        eq(connections.kind, 'open311'),
        or(isNull(connections.pollNotBefore), lte(connections.pollNotBefore, now)),
        or(
          isNull(connections.lastPolledAt),
          sql`${connections.lastPolledAt} + make_interval(secs => ${connections.pollEveryMs} / 1000.0) <= ${now.toISOString()}::timestamptz`,
        ),
      ),
    );

export async function updateConnection(db: DbOrTx, id: string, patch: Partial<ConnectionRow>) {
  await db.update(connections).set(patch).where(eq(connections.id, id));
}

/** Moves the watermark forward only: two polls finishing out of order never move it back. */
export async function advanceWatermark(db: DbOrTx, id: string, to: Date, polledAt: Date) {
  await db
    .update(connections)
    .set({
      watermark: sql`greatest(${connections.watermark}, ${to.toISOString()}::timestamptz)`,
      lastPolledAt: polledAt,
      lastError: null,
      pollNotBefore: null,
    })
    .where(eq(connections.id, id));
}

/** The link for a request, or null when this connection has taken it already. */
export const insertLink = (db: DbOrTx, values: typeof links.$inferInsert) =>
  insertUnlessTaken(db, links, values);

export async function setLinkQuest(
  db: DbOrTx,
  linkId: string,
  questId: string | null,
  skippedReason: string | null,
) {
  await db.update(links).set({ questId, skippedReason }).where(eq(links.id, linkId));
}

/** Which of these remote ids the connection has taken already. */
export async function takenRemoteIds(db: DbOrTx, connectionId: string, remoteIds: string[]) {
  if (!remoteIds.length) return new Set<string>();
  const rows = await db
    .select({ remoteId: links.remoteId })
    .from(links)
    .where(and(eq(links.connectionId, connectionId), inArray(links.remoteId, remoteIds)));
  return new Set(rows.map((r) => r.remoteId));
}

export const linkOfQuest = (db: DbOrTx, questId: string) =>
  firstRow(
    db
      .select({ link: links, connection: connections })
      .from(links)
      .innerJoin(connections, eq(connections.id, links.connectionId))
      .where(eq(links.questId, questId)),
  );

export const linksOf = (db: DbOrTx, connectionId: string, limit: number) =>
  db
    .select({ link: links, questTitle: quests.title, questStatus: quests.status })
    .from(links)
    .leftJoin(quests, eq(quests.id, links.questId))
    .where(eq(links.connectionId, connectionId))
    .orderBy(desc(links.createdAt))
    .limit(limit);

export async function countsOf(db: DbOrTx, connectionIds: string[]) {
  if (!connectionIds.length) return { linked: new Map<string, number>(), pushes: [] };
  const linked = await db
    .select({ id: links.connectionId, n: count() })
    .from(links)
    .where(inArray(links.connectionId, connectionIds))
    .groupBy(links.connectionId);
  const pushCounts = await db
    .select({ id: pushes.connectionId, state: pushes.state, n: count() })
    .from(pushes)
    .where(inArray(pushes.connectionId, connectionIds))
    .groupBy(pushes.connectionId, pushes.state);
  return { linked: new Map(linked.map((r) => [r.id, r.n])), pushes: pushCounts };
}

export async function insertPush(db: DbOrTx, values: typeof pushes.$inferInsert) {
  return (await db.insert(pushes).values(values).returning())[0]!;
}

export const pushById = (db: DbOrTx, id: string) =>
  firstRow(
    db
      .select({ push: pushes, link: links, connection: connections })
      .from(pushes)
      .innerJoin(links, eq(links.id, pushes.linkId))
      .innerJoin(connections, eq(connections.id, pushes.connectionId))
      .where(eq(pushes.id, id)),
  );

export async function updatePush(db: DbOrTx, id: string, patch: Partial<PushRow>) {
  return firstRow(db.update(pushes).set(patch).where(eq(pushes.id, id)).returning());
}

export const pushesOf = (db: DbOrTx, connectionId: string, limit: number) =>
  db
    .select({ push: pushes, remoteId: links.remoteId, questId: links.questId })
    .from(pushes)
    .innerJoin(links, eq(links.id, pushes.linkId))
    .where(eq(pushes.connectionId, connectionId))
    .orderBy(desc(pushes.createdAt))
    .limit(limit);
