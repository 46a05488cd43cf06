/** The only code touching the budget tables. */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { budgetBallotChoices, budgetBallots, budgetProjects, budgetRounds } from '../../db/schema';

export type RoundRow = typeof budgetRounds.$inferSelect;
export type NewRoundRow = typeof budgetRounds.$inferInsert;
export type ProjectRow = typeof budgetProjects.$inferSelect;
export type NewProjectRow = typeof budgetProjects.$inferInsert;

export const insertRound = async (db: DbOrTx, values: NewRoundRow) =>
  (await db.insert(budgetRounds).values(values).returning())[0]!;

export const findRound = (db: DbOrTx, id: string) =>
  firstRow(db.select().from(budgetRounds).where(eq(budgetRounds.id, id)));

export const findRoundForUpdate = (db: DbOrTx, id: string) =>
  firstRow(db.select().from(budgetRounds).where(eq(budgetRounds.id, id)).for('update'));

export const findRoundForShare = (db: DbOrTx, id: string) =>
  firstRow(db.select().from(budgetRounds).where(eq(budgetRounds.id, id)).for('share'));

export const roundsOfArea = (db: DbOrTx, areaId: string) =>
  db
    .select()
    .from(budgetRounds)
    .where(eq(budgetRounds.areaId, areaId))
    .orderBy(desc(budgetRounds.createdAt));

export async function setPhase(db: DbOrTx, id: string, phase: string, at: Date) {
  return (
    await db
      .update(budgetRounds)
      .set({ phase, updatedAt: at })
      .where(eq(budgetRounds.id, id))
      .returning()
  )[0]!;
}

/** Rounds not finished whose current phase should have ended by `before` (the sweep). */
export const overdueRoundIds = async (db: DbOrTx, before: Date) =>
  (
    await db
      .select({ id: budgetRounds.id })
      .from(budgetRounds)
      .where(
        and(
          ne(budgetRounds.phase, 'results'),
          sql`case ${budgetRounds.phase}
            when 'proposals' then ${budgetRounds.proposalsEndAt}
            when 'feasibility' then ${budgetRounds.feasibilityEndAt}
            else ${budgetRounds.votingEndAt} end <= ${before.toISOString()}`,
        ),
      )
      .limit(200)
  ).map((r) => r.id);

export const insertProject = async (db: DbOrTx, values: NewProjectRow) =>
  (await db.insert(budgetProjects).values(values).returning())[0]!;

export const findProject = (db: DbOrTx, id: string) =>
  firstRow(db.select().from(budgetProjects).where(eq(budgetProjects.id, id)));

export const projectsOfRound = (db: DbOrTx, roundId: string) =>
  db
    .select()
    .from(budgetProjects)
    .where(eq(budgetProjects.roundId, roundId))
    .orderBy(budgetProjects.createdAt, budgetProjects.id);

export async function updateProject(db: DbOrTx, id: string, values: Partial<NewProjectRow>) {
  return (
    await db.update(budgetProjects).set(values).where(eq(budgetProjects.id, id)).returning()
  )[0]!;
}

export async function setProjectQuest(db: DbOrTx, id: string, questId: string) {
  await db.update(budgetProjects).set({ questId }).where(eq(budgetProjects.id, id));
}

export const ballotOf = (db: DbOrTx, roundId: string, userId: string) =>
  firstRow(
    db
      .select()
      .from(budgetBallots)
      .where(and(eq(budgetBallots.roundId, roundId), eq(budgetBallots.userId, userId))),
  );

export async function choicesOf(db: DbOrTx, ballotId: string): Promise<string[]> {
  const rows = await db
    .select({ projectId: budgetBallotChoices.projectId })
    .from(budgetBallotChoices)
    .where(eq(budgetBallotChoices.ballotId, ballotId));
  return rows.map((r) => r.projectId).sort();
}

/**
 * Casts or replaces a resident's ballot: one row per resident and round (the unique index
 * makes a racing second insert update the same row), its choices rewritten.
 */
export async function upsertBallot(
  tx: DbOrTx,
  values: { roundId: string; userId: string; totalPence: number; projectIds: string[]; at: Date },
) {
  const ballot = (
    await tx
      .insert(budgetBallots)
      .values({
        roundId: values.roundId,
        userId: values.userId,
        totalPence: values.totalPence,
        updatedAt: values.at,
      })
      .onConflictDoUpdate({
        target: [budgetBallots.roundId, budgetBallots.userId],
        set: { totalPence: values.totalPence, updatedAt: values.at },
      })
      .returning()
  )[0]!;
  await tx.delete(budgetBallotChoices).where(eq(budgetBallotChoices.ballotId, ballot.id));
  if (values.projectIds.length > 0) {
    await tx
      .insert(budgetBallotChoices)
      .values(values.projectIds.map((projectId) => ({ ballotId: ballot.id, projectId })));
  }
  return ballot;
}

/** Every ballot of a round as lists of project ids; who cast them is not read. */
export async function ballotsOfRound(db: DbOrTx, roundId: string): Promise<string[][]> {
  const rows = await db
    .select({ ballotId: budgetBallots.id, projectId: budgetBallotChoices.projectId })
    .from(budgetBallots)
    .leftJoin(budgetBallotChoices, eq(budgetBallotChoices.ballotId, budgetBallots.id))
    .where(eq(budgetBallots.roundId, roundId));
  const byBallot = new Map<string, string[]>();
  for (const r of rows) {
    const list = byBallot.get(r.ballotId) ?? [];
    if (r.projectId) list.push(r.projectId);
    byBallot.set(r.ballotId, list);
  }
  return [...byBallot.values()];
}

export async function countBallots(db: DbOrTx, roundId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(budgetBallots)
    .where(eq(budgetBallots.roundId, roundId));
  return row?.n ?? 0;
}

export async function projectsByIds(db: DbOrTx, roundId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(budgetProjects)
    .where(and(eq(budgetProjects.roundId, roundId), inArray(budgetProjects.id, ids)));
}

/** Funded projects of a round that still have no quest. */
export const fundedWithoutQuest = (db: DbOrTx, roundId: string) =>
  db
    .select()
    .from(budgetProjects)
    .where(
      and(
        eq(budgetProjects.roundId, roundId),
        eq(budgetProjects.funded, true),
        sql`${budgetProjects.questId} is null`,
      ),
    );

/** Rounds with results in whose funded projects still lack a quest (the sweep retries them). */
export const roundsAwaitingQuests = async (db: DbOrTx) =>
  (
    await db
      .selectDistinct({ id: budgetProjects.roundId })
      .from(budgetProjects)
      .where(and(eq(budgetProjects.funded, true), sql`${budgetProjects.questId} is null`))
      .limit(50)
  ).map((r) => r.id);

/** Pence of every funded project in the area's rounds: budgets allocated by residents' votes. */
export async function fundedPenceInArea(db: DbOrTx, areaId: string): Promise<number> {
  const row = await firstRow(
    db
      .select({ total: sql<number>`coalesce(sum(${budgetProjects.costPence}), 0)::bigint` })
      .from(budgetProjects)
      .innerJoin(budgetRounds, eq(budgetRounds.id, budgetProjects.roundId))
      .where(and(eq(budgetRounds.areaId, areaId), eq(budgetProjects.funded, true))),
  );
  return Number(row?.total ?? 0);
}
