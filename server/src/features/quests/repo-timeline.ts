/**
 * The quests repo's timeline and reopening queries (re-exported by repo.ts): status events,
 * the reopen round, and the completions that count now.
 */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { participations, questStatusEvents } from '../../db/schema';

export type StatusEventRow = typeof questStatusEvents.$inferSelect;

/** One status change on the public timeline, in the transaction that made it. */
export async function insertStatusEvent(
  db: DbOrTx,
  values: typeof questStatusEvents.$inferInsert,
): Promise<StatusEventRow> {
  const rows = await db.insert(questStatusEvents).values(values).returning();
  return rows[0]!;
}

export async function listStatusEvents(db: DbOrTx, questId: string): Promise<StatusEventRow[]> {
  return db
    .select()
    .from(questStatusEvents)
    .where(eq(questStatusEvents.questId, questId))
    .orderBy(asc(questStatusEvents.id));
}

/** How many times the quest has been reopened: the round "not fixed" reports belong to. */
export async function countReopens(db: DbOrTx, questId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(questStatusEvents)
    .where(and(eq(questStatusEvents.questId, questId), eq(questStatusEvents.toStatus, 'reopened')));
  return Number(rows[0]?.n ?? 0);
}

/**
 * The completions that count now (reopened ones do not): who completed it and when the
 * latest was verified; rows from before completion times were kept fall back to joinedAt.
 */
export async function currentCompletions(db: DbOrTx, questId: string) {
  const rows = await db
    .select({
      userId: participations.userId,
      teamId: participations.teamId,
      at: sql<string>`coalesce(${participations.completedAt}, ${participations.joinedAt})`,
    })
    .from(participations)
    .where(and(eq(participations.questId, questId), eq(participations.status, 'completed')));
  const latest = rows.reduce<number | null>((max, r) => {
    const t = new Date(r.at).getTime();
    return max === null || t > max ? t : max;
  }, null);
  return {
    userIds: rows.map((r) => r.userId),
    teamIds: [...new Set(rows.flatMap((r) => (r.teamId ? [r.teamId] : [])))],
    latestAt: latest === null ? null : new Date(latest),
  };
}

/** A reopened quest's completions stop counting (storylines, maxCompletions); XP stays. */
export async function markCompletionsReopened(db: DbOrTx, questId: string): Promise<number> {
  const rows = await db
    .update(participations)
    .set({ status: 'reopened' })
    .where(and(eq(participations.questId, questId), eq(participations.status, 'completed')))
    .returning({ id: participations.id });
  return rows.length;
}
