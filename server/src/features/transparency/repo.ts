/**
 * Read-only reporting queries for the dashboard and open data. They read tables other
 * features own (quests, evidence, xp_ledger): the design lets a reporting repository do
 * that because it only aggregates and never writes, so no other feature's rules are at
 * stake, and one grouped query beats paging through every quest via another service.
 *
 * "Verified completion" here means one verified evidence: one accepted piece of work, so a
 * team's evidence counts once however many members it paid.
 */
import {
  and,
  asc,
  count,
  countDistinct,
  desc,
  eq,
  inArray,
  isNotNull,
  notInArray,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog, evidence, quests, xpLedger } from '../../db/schema';
import { sumsBySuperpower } from '../../lib/superpower-columns';

export type QuestRow = typeof quests.$inferSelect;

const decidedAt = sql`coalesce(${evidence.decidedAt}, ${evidence.submittedAt})`;
// ISO text with a cast binds the same way on node-postgres and PGlite.
const decidedSince = (since: Date) => sql`${decidedAt} >= ${since.toISOString()}::timestamptz`;
const isVerifiedIn = (areaId: string) =>
  and(eq(evidence.areaId, areaId), eq(evidence.status, 'verified'));

export async function questCountsByStatus(
  db: DbOrTx,
  areaId: string,
): Promise<{ status: string; n: number }[]> {
  return db
    .select({ status: quests.status, n: count() })
    .from(quests)
    .where(eq(quests.areaId, areaId))
    .groupBy(quests.status);
}

/**
 * Verified completions decided in each of a row of back-to-back spans (the area's weeks,
 * cut by the calendar), oldest first: `bounds` holds each span's start and then the last
 * span's end. The query only compares stored instants with the bounds.
 */
export async function verifiedPerSpan(
  db: DbOrTx,
  areaId: string,
  bounds: readonly Date[],
): Promise<number[]> {
  const instants = bounds.map((b) => sql`${b.toISOString()}::timestamptz`);
  const span = sql<number>`width_bucket(${decidedAt}, array[${sql.join(instants, sql`, `)}])`;
  const rows = await db
    .select({ span, n: count() })
    .from(evidence)
    .where(
      and(
        isVerifiedIn(areaId),
        decidedSince(bounds[0]!),
        sql`${decidedAt} < ${bounds.at(-1)!.toISOString()}::timestamptz`,
      ),
    )
    // By position: the bounds are parameters, and a repeated expression would bind new ones
    // that PostgreSQL cannot match with the selected column.
    .groupBy(sql`1`);
  const counts = Array.from({ length: bounds.length - 1 }, () => 0);
  for (const r of rows) counts[Number(r.span) - 1] = Number(r.n);
  return counts;
}

/**
 * Residents and teams with a verified evidence decided since `since`. A resident counts
 * when they sent it or were paid for it (team members who did the work with the sender).
 */
export async function activeSince(
  db: DbOrTx,
  areaId: string,
  since: Date,
): Promise<{ residents: number; teams: number }> {
  const recent = and(isVerifiedIn(areaId), decidedSince(since));
  const senders = db.select({ userId: evidence.userId }).from(evidence).where(recent);
  const paid = db
    .select({ userId: xpLedger.userId })
    .from(xpLedger)
    .innerJoin(evidence, eq(evidence.id, xpLedger.evidenceId))
    .where(recent);
  const people = senders.union(paid).as('people');
  const [residents] = await db.select({ n: count() }).from(people);
  const [teams] = await db
    .select({ n: countDistinct(evidence.teamId) })
    .from(evidence)
    .where(and(recent, isNotNull(evidence.teamId)));
  return { residents: Number(residents?.n ?? 0), teams: Number(teams?.n ?? 0) };
}

export async function xpBySuperpower(db: DbOrTx, areaId: string) {
  const [row] = await db
    .select(sumsBySuperpower())
    .from(xpLedger)
    .where(eq(xpLedger.areaId, areaId));
  return row!;
}

/** Verified completions grouped by the quest's main (first) superpower. */
export async function verifiedByMainSuperpower(
  db: DbOrTx,
  areaId: string,
): Promise<{ superpower: string; n: number }[]> {
  const main = sql<string>`(${quests.superpowers})[1]`;
  const rows = await db
    .select({ superpower: main, n: count() })
    .from(evidence)
    .innerJoin(quests, eq(quests.id, evidence.questId))
    .where(isVerifiedIn(areaId))
    .groupBy(main);
  return rows.map((r) => ({ superpower: r.superpower, n: Number(r.n) }));
}

/** The quests with the most verified completions: the places where most gets done. */
export async function topPlaces(db: DbOrTx, areaId: string, limit: number) {
  const n = count(evidence.id);
  const rows = await db
    .select({
      questId: quests.id,
      title: quests.title,
      lat: quests.lat,
      lng: quests.lng,
      verified: n,
    })
    .from(evidence)
    .innerJoin(quests, eq(quests.id, evidence.questId))
    .where(isVerifiedIn(areaId))
    .groupBy(quests.id)
    .orderBy(desc(n), asc(quests.title), asc(quests.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, verified: Number(r.verified) }));
}

/** Public quests of an area, oldest first, each with its verified completions. */
export async function openDataQuests(db: DbOrTx, areaId: string, statuses: readonly string[]) {
  const verified = db
    .select({ questId: evidence.questId, n: count().as('n') })
    .from(evidence)
    .where(isVerifiedIn(areaId))
    .groupBy(evidence.questId)
    .as('verified');
  const rows = await db
    .select({
      quest: quests,
      verifiedCompletions: sql<number>`coalesce(${verified.n}, 0)::int`,
    })
    .from(quests)
    .leftJoin(verified, eq(verified.questId, quests.id))
    .where(and(eq(quests.areaId, areaId), inArray(quests.status, [...statuses])))
    .orderBy(asc(quests.createdAt), asc(quests.id));
  return rows;
}

/** Quests of an area except those in `hidden` statuses, oldest first, with verified counts. */
export async function questsExcept(db: DbOrTx, areaId: string, hidden: readonly string[]) {
  const verified = db
    .select({ questId: evidence.questId, n: count().as('n') })
    .from(evidence)
    .where(isVerifiedIn(areaId))
    .groupBy(evidence.questId)
    .as('verified');
  return db
    .select({
      quest: quests,
      verifiedCompletions: sql<number>`coalesce(${verified.n}, 0)::int`,
    })
    .from(quests)
    .leftJoin(verified, eq(verified.questId, quests.id))
    .where(and(eq(quests.areaId, areaId), notInArray(quests.status, [...hidden])))
    .orderBy(asc(quests.createdAt), asc(quests.id));
}

/** Per quest: XP the ledger paid (positive rows) and took back (negative rows, as positive). */
export async function xpPaidAndReversed(db: DbOrTx, areaId: string) {
  const paid = sql<number>`coalesce(sum(${xpLedger.amount}) filter (where ${xpLedger.amount} > 0), 0)::int`;
  const reversed = sql<number>`coalesce(-sum(${xpLedger.amount}) filter (where ${xpLedger.amount} < 0), 0)::int`;
  const rows = await db
    .select({ questId: xpLedger.questId, paid, reversed })
    .from(xpLedger)
    .where(eq(xpLedger.areaId, areaId))
    .groupBy(xpLedger.questId);
  return new Map(
    rows.map((r) => [r.questId, { paid: Number(r.paid), reversed: Number(r.reversed) }]),
  );
}

/**
 * The latest status change of each quest in the area, from the audit log: the status it
 * moved to and the reason given, if any (a failed quest's public reason).
 */
export async function latestQuestStatusChanges(db: DbOrTx, areaId: string) {
  const rows = await db
    .selectDistinctOn([auditLog.entityId], {
      questId: auditLog.entityId,
      status: sql<string | null>`${auditLog.after}->>'status'`,
      reason: sql<string | null>`${auditLog.after}->>'reason'`,
      at: auditLog.at,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.areaId, areaId),
        eq(auditLog.entityType, 'quest'),
        sql`${auditLog.after}->>'status' is not null`,
      ),
    )
    .orderBy(auditLog.entityId, desc(auditLog.id));
  return new Map(rows.map((r) => [r.questId, r]));
}
