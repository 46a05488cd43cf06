/**
 * Read-only lookups of what notifications talk about (people, areas, quests, evidence).
 * They only read other features' tables, to build many notifications in one query each.
 */
import { and, eq, gt, inArray, isNull, lte, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { areaMemberships, areas, evidence, participations, quests, users } from '../../db/schema';

export interface Recipient {
  id: string;
  email: string | null;
  displayName: string;
  emailVerified: boolean;
}

export async function recipients(db: DbOrTx, userIds: string[]): Promise<Map<string, Recipient>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      verifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(and(inArray(users.id, userIds), isNull(users.deletedAt)));
  return new Map(rows.map((r) => [r.id, { ...r, emailVerified: r.verifiedAt !== null }]));
}

export async function areaInfo(
  db: DbOrTx,
  areaIds: string[],
): Promise<Map<string, { name: string; timezone: string }>> {
  if (areaIds.length === 0) return new Map();
  const rows = await db
    .select({ id: areas.id, name: areas.name, timezone: areas.timezone })
    .from(areas)
    .where(inArray(areas.id, areaIds));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function questInfo(db: DbOrTx, questIds: string[]) {
  if (questIds.length === 0) return new Map<string, QuestInfo>();
  const rows = await db
    .select({
      id: quests.id,
      areaId: quests.areaId,
      title: quests.title,
      lat: quests.lat,
      lng: quests.lng,
      startsAt: quests.startsAt,
      endsAt: quests.endsAt,
      createdBy: quests.createdBy,
      proposedBy: quests.proposedBy,
    })
    .from(quests)
    .where(inArray(quests.id, questIds));
  return new Map(rows.map((r) => [r.id, r]));
}
export type QuestInfo = {
  id: string;
  areaId: string;
  title: string;
  lat: number;
  lng: number;
  startsAt: Date;
  endsAt: Date;
  createdBy: string | null;
  proposedBy: string | null;
};

const LIVE = ['published', 'active', 'reopened'];
const STILL_IN = ['joined', 'submitted'];

/** People still in quests whose start (or end) falls in [from, to). */
export function participantsOfQuestsMoving(
  db: DbOrTx,
  edge: 'startsAt' | 'endsAt',
  from: Date,
  to: Date,
) {
  const column = edge === 'startsAt' ? quests.startsAt : quests.endsAt;
  return db
    .select({
      userId: participations.userId,
      questId: quests.id,
      areaId: quests.areaId,
      title: quests.title,
      at: column,
    })
    .from(participations)
    .innerJoin(quests, eq(quests.id, participations.questId))
    .where(
      and(
        inArray(quests.status, LIVE),
        inArray(participations.status, STILL_IN),
        gt(column, from),
        lte(column, to),
      ),
    );
}

/** Everyone who joined a quest of the storyline (and did not leave it). */
export async function storylinePlayers(db: DbOrTx, storylineId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: participations.userId })
    .from(participations)
    .innerJoin(quests, eq(quests.id, participations.questId))
    .where(and(eq(quests.storylineId, storylineId), ne(participations.status, 'left')));
  return rows.map((r) => r.userId);
}

/** Per area, evidence waiting for an officer since before `before`, and the officers to tell. */
export async function reviewBacklog(db: DbOrTx, before: Date) {
  const waiting = await db
    .select({ areaId: evidence.areaId, n: sql<number>`count(*)::int` })
    .from(evidence)
    .where(and(eq(evidence.status, 'needs_review'), lt(evidence.submittedAt, before)))
    .groupBy(evidence.areaId);
  if (waiting.length === 0) return [];
  const officers = await db
    .select({ areaId: areaMemberships.areaId, userId: areaMemberships.userId })
    .from(areaMemberships)
    .where(
      and(
        inArray(
          areaMemberships.areaId,
          waiting.map((w) => w.areaId),
        ),
        inArray(areaMemberships.role, ['officer', 'admin']),
      ),
    );
  return waiting.map((w) => ({
    areaId: w.areaId,
    waiting: w.n,
    officerIds: officers.filter((o) => o.areaId === w.areaId).map((o) => o.userId),
  }));
}
