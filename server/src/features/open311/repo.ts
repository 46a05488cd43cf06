/**
 * The only code of the Open311 server that touches the database. Its request view reads
 * the quests table without writing it (as reporting does): a service request is a quest seen
 * through Open311, with the report that started it and its latest status update.
 */
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { OPEN311_CLOSED_QUEST_STATUSES } from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import { firstRow, insertUnlessTaken } from '../../db/rows';
import { open311ApiKeys, open311Reports, open311Updates, quests } from '../../db/schema';

export type ApiKeyRow = typeof open311ApiKeys.$inferSelect;
export type UpdateRow = typeof open311Updates.$inferSelect;

/** Quest statuses an outside system reads as closed; every other status is open. */
export const CLOSED_QUEST_STATUSES = OPEN311_CLOSED_QUEST_STATUSES;
/** Quests not public yet; shown over Open311 only when they started as a report. */
const UNPUBLISHED = ['proposed', 'draft', 'rejected'];

export async function insertKey(db: DbOrTx, values: typeof open311ApiKeys.$inferInsert) {
  return (await db.insert(open311ApiKeys).values(values).returning())[0]!;
}

export const listKeys = (db: DbOrTx, areaId: string) =>
  db
    .select()
    .from(open311ApiKeys)
    .where(eq(open311ApiKeys.areaId, areaId))
    .orderBy(desc(open311ApiKeys.createdAt));

export const revokeKey = (db: DbOrTx, areaId: string, id: string, at: Date) =>
  firstRow(
    db
      .update(open311ApiKeys)
      .set({
        revokedAt: sql`coalesce(${open311ApiKeys.revokedAt}, ${at.toISOString()}::timestamptz)`,
      })
      .where(and(eq(open311ApiKeys.areaId, areaId), eq(open311ApiKeys.id, id)))
      .returning(),
  );

export const liveKeyByHash = (db: DbOrTx, areaId: string, keyHash: string) =>
  firstRow(
    db
      .select()
      .from(open311ApiKeys)
      .where(
        and(
          eq(open311ApiKeys.areaId, areaId),
          eq(open311ApiKeys.keyHash, keyHash),
          isNull(open311ApiKeys.revokedAt),
        ),
      ),
  );

export async function insertReport(db: DbOrTx, values: typeof open311Reports.$inferInsert) {
  await db.insert(open311Reports).values(values);
}

export const reportByToken = (db: DbOrTx, areaId: string, token: string) =>
  firstRow(
    db
      .select()
      .from(open311Reports)
      .where(and(eq(open311Reports.areaId, areaId), eq(open311Reports.token, token))),
  );

const latestUpdate = (column: SQL) =>
  sql`(select ${column} from ${open311Updates} u where u.quest_id = ${quests.id} order by u.id desc limit 1)`;
const derivedStatus = sql<string>`case when ${quests.status} in (${sql.join(
  CLOSED_QUEST_STATUSES.map((s) => sql`${s}`),
  sql`, `,
)}) then 'closed' else 'open' end`;
const requestStatus = sql<string>`coalesce(${latestUpdate(sql`u.status`)}, ${derivedStatus})`;
const serviceCode = sql<string>`coalesce(${open311Reports.serviceCode}, ${quests.superpowers}[1])`;

export interface RequestFilter {
  ids?: string[];
  codes?: string[];
  from?: Date;
  to?: Date;
  statuses?: string[];
  limit: number;
}

/** Service requests of an area, oldest first, with their report and latest update. */
export async function requestRows(db: DbOrTx, areaId: string, f: RequestFilter) {
  const conditions: (SQL | undefined)[] = [
    eq(quests.areaId, areaId),
    or(notInArray(quests.status, UNPUBLISHED), isNotNull(open311Reports.questId)),
  ];
  if (f.ids) {
    const uuids = f.ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (!uuids.length) return [];
    conditions.push(inArray(quests.id, uuids));
  } else {
    if (f.codes)
      conditions.push(
        sql`${serviceCode} in (${sql.join(
          f.codes.map((c) => sql`${c}`),
          sql`, `,
        )})`,
      );
    if (f.from) conditions.push(gte(quests.createdAt, f.from));
    if (f.to) conditions.push(lt(quests.createdAt, f.to));
    if (f.statuses)
      conditions.push(
        sql`${requestStatus} in (${sql.join(
          f.statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      );
  }
  return db
    .select({
      quest: quests,
      report: open311Reports,
      serviceCode,
      status: requestStatus,
      statusNotes: latestUpdate(sql`u.description`).mapWith((v: unknown) =>
        v === null || v === undefined ? null : String(v),
      ),
      lastUpdateAt: latestUpdate(sql`extract(epoch from u.at) * 1000`).mapWith((v: unknown) =>
        v === null || v === undefined ? null : new Date(Number(v)),
      ),
    })
    .from(quests)
    .leftJoin(open311Reports, eq(open311Reports.questId, quests.id))
    .where(and(...conditions))
    .orderBy(asc(quests.createdAt), asc(quests.id))
    .limit(f.limit);
}
export type RequestRow = Awaited<ReturnType<typeof requestRows>>[number];

export async function insertUpdate(db: DbOrTx, values: typeof open311Updates.$inferInsert) {
  return insertUnlessTaken(db, open311Updates, values);
}

export const updateByRemoteId = (db: DbOrTx, questId: string, remoteUpdateId: string) =>
  firstRow(
    db
      .select()
      .from(open311Updates)
      .where(
        and(eq(open311Updates.questId, questId), eq(open311Updates.remoteUpdateId, remoteUpdateId)),
      ),
  );

export const updatesBetween = (
  db: DbOrTx,
  areaId: string,
  from: Date,
  to: Date | undefined,
  limit: number,
) =>
  db
    .select()
    .from(open311Updates)
    .where(
      and(
        eq(open311Updates.areaId, areaId),
        gte(open311Updates.at, from),
        to ? lt(open311Updates.at, to) : undefined,
      ),
    )
    .orderBy(asc(open311Updates.at), asc(open311Updates.id))
    .limit(limit);
