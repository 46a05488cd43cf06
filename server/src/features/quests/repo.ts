/**
 * Quests and participations in the database. The map query is a keyset page over
 * (lng, lat, id) inside one area and a set of statuses, so it walks the
 * quests_area_status_lng_lat_idx index instead of sorting the whole area.
 */
import { and, asc, count, desc, eq, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { inUuids } from '../../db/sql';
import { countsByKey } from '../../lib/count-map';
import { participations, quests } from '../../db/schema';

export type QuestRow = typeof quests.$inferSelect;
export type NewQuestRow = typeof quests.$inferInsert;
export type ParticipationRow = typeof participations.$inferSelect;

export async function insertQuest(db: DbOrTx, values: NewQuestRow): Promise<QuestRow> {
  const rows = await db.insert(quests).values(values).returning();
  return rows[0]!;
}

/** Bulk load for benchmarks and seeds; returns nothing to keep large inserts cheap. */
export async function insertQuestsBulk(db: DbOrTx, values: NewQuestRow[]): Promise<void> {
  if (values.length) await db.insert(quests).values(values);
}

export async function findQuest(db: DbOrTx, id: string): Promise<QuestRow | null> {
  return firstRow(db.select().from(quests).where(eq(quests.id, id)).limit(1));
}

/** Reads the row under a lock so two writers (an officer and a job) cannot interleave. */
export async function findQuestForUpdate(db: DbOrTx, id: string): Promise<QuestRow | null> {
  return firstRow(db.select().from(quests).where(eq(quests.id, id)).limit(1).for('update'));
}

/**
 * Quests that should have moved by `at`: published ones that should be active, live ones
 * that should be closed. Oldest deadline first.
 */
export async function listOverdue(db: DbOrTx, at: Date, limit: number): Promise<QuestRow[]> {
  return db
    .select()
    .from(quests)
    .where(
      or(
        and(eq(quests.status, 'published'), lte(quests.startsAt, at)),
        and(inArray(quests.status, ['published', 'active', 'reopened']), lte(quests.endsAt, at)),
      ),
    )
    .orderBy(asc(quests.startsAt))
    .limit(limit);
}

export async function updateQuest(
  db: DbOrTx,
  id: string,
  values: Partial<NewQuestRow>,
  now: Date,
): Promise<QuestRow> {
  const rows = await db
    .update(quests)
    .set({ ...values, updatedAt: now })
    .where(eq(quests.id, id))
    .returning();
  return rows[0]!;
}

export interface MapQuery {
  areaId: string;
  statuses: readonly string[];
  bbox?: readonly [number, number, number, number] | undefined;
  superpower?: string | undefined;
  after?: { lng: number; lat: number; id: string } | undefined;
  limit: number;
}

/**
 * One page of the map, ordered by (lng, lat, id); fetches limit+1 to know if more follow.
 * PostgreSQL 15 cannot keep index order across `status IN (…)`, so each status is its own
 * ordered range scan on quests_area_status_lng_lat_idx (at most limit+1 rows each), joined
 * by UNION ALL in one round trip, instead of sorting every match in the viewport.
 */
export async function listMapPage(db: DbOrTx, q: MapQuery): Promise<QuestRow[]> {
  return mapPageQuery(db, q);
}

/** The whole map query, unexecuted, so the benchmark can EXPLAIN exactly what runs. */
export function mapPageQuery(db: DbOrTx, q: MapQuery) {
  const [first, second, ...rest] = q.statuses.map((status) => statusPageQuery(db, q, status));
  if (!first) throw new RangeError('the map query needs at least one status');
  if (!second) return first;
  return unionAll(first, second, ...rest)
    .orderBy(asc(quests.lng), asc(quests.lat), asc(quests.id))
    .limit(q.limit + 1);
}

/** The columns the map layer draws: a third of a full row, and no JSON columns to parse. */
const MAP_LAYER_COLUMNS = {
  id: quests.id,
  title: quests.title,
  lat: quests.lat,
  lng: quests.lng,
  radiusM: quests.radiusM,
  status: quests.status,
  xp: quests.xp,
  superpowers: quests.superpowers,
  startsAt: quests.startsAt,
  endsAt: quests.endsAt,
  teamSize: quests.teamSize,
};
export type MapLayerRow = Pick<QuestRow, keyof typeof MAP_LAYER_COLUMNS>;

/** The map page's rows with only the map layer's columns; same order, keyset and plan. */
export async function listMapLayer(db: DbOrTx, q: MapQuery): Promise<MapLayerRow[]> {
  const [first, second, ...rest] = q.statuses.map((status) =>
    db
      .select(MAP_LAYER_COLUMNS)
      .from(quests)
      .where(and(...mapWhere(q, status)))
      .orderBy(asc(quests.lng), asc(quests.lat), asc(quests.id))
      .limit(q.limit + 1),
  );
  if (!first) throw new RangeError('the map query needs at least one status');
  if (!second) return first;
  return unionAll(first, second, ...rest)
    .orderBy(asc(quests.lng), asc(quests.lat), asc(quests.id))
    .limit(q.limit + 1);
}

function statusPageQuery(db: DbOrTx, q: MapQuery, status: string) {
  return db
    .select()
    .from(quests)
    .where(and(...mapWhere(q, status)))
    .orderBy(asc(quests.lng), asc(quests.lat), asc(quests.id))
    .limit(q.limit + 1);
}

function mapWhere(q: MapQuery, status: string): SQL[] {
  const where: SQL[] = [eq(quests.areaId, q.areaId), eq(quests.status, status)];
  if (q.bbox) {
    const [minLng, minLat, maxLng, maxLat] = q.bbox;
    where.push(gte(quests.lng, minLng), lte(quests.lng, maxLng));
    where.push(gte(quests.lat, minLat), lte(quests.lat, maxLat));
  }
  if (q.superpower) where.push(sql`${q.superpower} = any(${quests.superpowers})`);
  if (q.after) {
    where.push(
      sql`(${quests.lng}, ${quests.lat}, ${quests.id}) > (${q.after.lng}, ${q.after.lat}, ${q.after.id}::uuid)`,
    );
  }
  return where;
}

/** Officer table: newest first, keyset on (createdAt, id). */
export async function listManagePage(
  db: DbOrTx,
  q: {
    areaId: string;
    status?: string | undefined;
    before?: { createdAt: Date; id: string } | undefined;
    limit: number;
  },
): Promise<QuestRow[]> {
  const where: SQL[] = [eq(quests.areaId, q.areaId)];
  if (q.status) where.push(eq(quests.status, q.status));
  if (q.before) {
    where.push(
      sql`(${quests.createdAt}, ${quests.id}) < (${q.before.createdAt.toISOString()}::timestamptz, ${q.before.id}::uuid)`,
    );
  }
  return db
    .select()
    .from(quests)
    .where(and(...where))
    .orderBy(desc(quests.createdAt), desc(quests.id))
    .limit(q.limit + 1);
}

/** Verified completions per quest, for the quests on one page. */
export async function completionCounts(
  db: DbOrTx,
  questIds: string[],
): Promise<Map<string, number>> {
  return countsByKey(questIds, () =>
    db
      .select({ key: participations.questId, n: count() })
      .from(participations)
      .where(and(inArray(participations.questId, questIds), eq(participations.status, 'completed')))
      .groupBy(participations.questId),
  );
}

/** The places of these residents on one quest; residents who never joined are absent. */
export async function findParticipations(
  db: DbOrTx,
  questId: string,
  userIds: readonly string[],
): Promise<ParticipationRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(participations)
    .where(and(eq(participations.questId, questId), inUuids(participations.userId, userIds)));
}

export async function findParticipation(
  db: DbOrTx,
  questId: string,
  userId: string,
): Promise<ParticipationRow | null> {
  return (await findParticipations(db, questId, [userId]))[0] ?? null;
}

export async function upsertJoined(
  db: DbOrTx,
  values: { questId: string; userId: string; teamId: string | null },
): Promise<ParticipationRow> {
  const rows = await db
    .insert(participations)
    .values({ ...values, status: 'joined' })
    .onConflictDoUpdate({
      target: [participations.questId, participations.userId],
      set: { status: 'joined', teamId: values.teamId },
      setWhere: eq(participations.status, 'left'),
    })
    .returning();
  return rows[0] ?? (await findParticipation(db, values.questId, values.userId))!;
}

/** Moves a participation only from `from`; null when it was not in that state. */
export async function setParticipationStatusIf(
  db: DbOrTx,
  id: string,
  from: string,
  to: string,
): Promise<ParticipationRow | null> {
  return firstRow(
    db
      .update(participations)
      .set({ status: to })
      .where(and(eq(participations.id, id), eq(participations.status, from)))
      .returning(),
  );
}

export async function setParticipationStatus(db: DbOrTx, id: string, status: string) {
  await setParticipationStatuses(db, [id], status);
}

export async function setParticipationStatuses(
  db: DbOrTx,
  ids: readonly string[],
  status: string,
): Promise<void> {
  if (ids.length === 0) return;
  // A completion remembers when it was verified: the "not fixed" window counts from it.
  const completedAt = status === 'completed' ? { completedAt: sql`now()` } : {};
  await db
    .update(participations)
    .set({ status, ...completedAt })
    .where(inUuids(participations.id, ids));
}

export async function listParticipationsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({ participation: participations, quest: quests })
    .from(participations)
    .innerJoin(quests, eq(quests.id, participations.questId))
    .where(and(eq(participations.userId, userId), ne(participations.status, 'left')))
    .orderBy(desc(participations.joinedAt));
}

export async function countQuests(db: DbOrTx): Promise<number> {
  const rows = await db.select({ n: count() }).from(quests);
  return Number(rows[0]?.n ?? 0);
}

export * from './repo-timeline';
