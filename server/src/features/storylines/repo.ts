import { and, asc, count, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { inUuids } from '../../db/sql';
import { countsByKey } from '../../lib/count-map';
import { participations, quests, storylineChapters, storylines } from '../../db/schema';

export type StorylineRow = typeof storylines.$inferSelect;
export type ChapterRow = typeof storylineChapters.$inferSelect;

export async function insertStoryline(
  db: DbOrTx,
  values: typeof storylines.$inferInsert,
  chapters: Omit<typeof storylineChapters.$inferInsert, 'storylineId'>[],
): Promise<StorylineRow> {
  const [row] = await db.insert(storylines).values(values).returning();
  await db.insert(storylineChapters).values(chapters.map((c) => ({ ...c, storylineId: row!.id })));
  return row!;
}

export async function findStoryline(db: DbOrTx, id: string): Promise<StorylineRow | null> {
  return firstRow(db.select().from(storylines).where(eq(storylines.id, id)).limit(1));
}

export async function listStorylines(db: DbOrTx, areaId: string): Promise<StorylineRow[]> {
  return db
    .select()
    .from(storylines)
    .where(eq(storylines.areaId, areaId))
    .orderBy(asc(storylines.createdAt), asc(storylines.id));
}

export async function chaptersOf(db: DbOrTx, storylineIds: string[]): Promise<ChapterRow[]> {
  if (storylineIds.length === 0) return [];
  return db
    .select()
    .from(storylineChapters)
    .where(inArray(storylineChapters.storylineId, storylineIds))
    .orderBy(asc(storylineChapters.position));
}

/** Verified completions: participations marked completed on the storyline's quests. */
export async function completedCounts(
  db: DbOrTx,
  storylineIds: string[],
): Promise<Map<string, number>> {
  return countsByKey(storylineIds, () =>
    db
      .select({ key: quests.storylineId, n: count() })
      .from(participations)
      .innerJoin(quests, eq(quests.id, participations.questId))
      .where(and(inArray(quests.storylineId, storylineIds), eq(participations.status, 'completed')))
      .groupBy(quests.storylineId),
  );
}

/** The storylines these quests belong to, each once; quests outside a storyline add none. */
export async function storylinesOfQuests(
  db: DbOrTx,
  questIds: readonly string[],
): Promise<string[]> {
  if (questIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ storylineId: quests.storylineId })
    .from(quests)
    .where(and(inUuids(quests.id, questIds), isNotNull(quests.storylineId)));
  return rows.map((r) => r.storylineId!);
}

/**
 * Stamps every chapter whose threshold is reached and that is still locked. One UPDATE with
 * `unlocked_at IS NULL`, so two verifications racing cannot unlock a chapter twice.
 */
export async function unlockReached(
  db: DbOrTx,
  storylineId: string,
  completed: number,
  now: Date,
): Promise<ChapterRow[]> {
  const rows = await db
    .update(storylineChapters)
    .set({ unlockedAt: now })
    .where(
      and(
        eq(storylineChapters.storylineId, storylineId),
        lte(storylineChapters.threshold, completed),
        isNull(storylineChapters.unlockedAt),
      ),
    )
    .returning();
  return rows.sort((a, b) => a.position - b.position);
}
