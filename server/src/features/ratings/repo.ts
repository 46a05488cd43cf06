/** The only code touching ratings; it reads quests, participations and memberships to decide who may rate. */
import { and, avg, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { areaMemberships, participations, questRatings, quests } from '../../db/schema';

/** The quest, whether anyone completed it, and how `userId` is connected to it. */
export function eligibility(db: DbOrTx, questId: string, userId: string | null) {
  return firstRow(
    db
      .select({
        areaId: quests.areaId,
        status: quests.status,
        completions: sql<string>`(select count(*) from ${participations} p where p.quest_id = ${quests.id} and p.status = 'completed')`,
        tookPart: userId
          ? sql<boolean>`exists (select 1 from ${participations} p where p.quest_id = ${quests.id} and p.user_id = ${userId} and p.status <> 'left')`
          : sql<boolean>`false`,
        isMember: userId
          ? sql<boolean>`exists (select 1 from ${areaMemberships} m where m.area_id = ${quests.areaId} and m.user_id = ${userId})`
          : sql<boolean>`false`,
      })
      .from(quests)
      .where(eq(quests.id, questId)),
  );
}

/** Inserts the rating, or replaces the stars and comment of the one already there. */
export async function upsertRating(
  db: DbOrTx,
  values: {
    questId: string;
    areaId: string;
    userId: string;
    stars: number;
    comment: string | null;
    at: Date;
  },
) {
  await db
    .insert(questRatings)
    .values({ ...values, createdAt: values.at, updatedAt: values.at })
    .onConflictDoUpdate({
      target: [questRatings.questId, questRatings.userId],
      set: { stars: values.stars, comment: values.comment, updatedAt: values.at },
    });
}

export const ratingOf = (db: DbOrTx, questId: string, userId: string) =>
  firstRow(
    db
      .select()
      .from(questRatings)
      .where(and(eq(questRatings.questId, questId), eq(questRatings.userId, userId))),
  );

export async function averageOfQuest(db: DbOrTx, questId: string) {
  const [row] = await db
    .select({ n: count(), mean: avg(questRatings.stars) })
    .from(questRatings)
    .where(eq(questRatings.questId, questId));
  return { n: Number(row?.n ?? 0), mean: row?.mean ?? null };
}

/** Count and mean stars per rated quest in the area, with its title and main superpower. */
export function averagesByQuest(db: DbOrTx, areaId: string) {
  return db
    .select({
      questId: quests.id,
      title: quests.title,
      mainSuperpower: sql<string | null>`${quests.superpowers}[1]`,
      n: count(),
      sum: sql<string>`sum(${questRatings.stars})`,
    })
    .from(questRatings)
    .innerJoin(quests, eq(quests.id, questRatings.questId))
    .where(eq(questRatings.areaId, areaId))
    .groupBy(quests.id)
    .orderBy(quests.title);
}
