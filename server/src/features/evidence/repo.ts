import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  inArray,
  isNotNull,
  isNull,
  lt,
  sql,
} from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { inUuids } from '../../db/sql';
import { countsByKey } from '../../lib/count-map';
import { attestations, evidence, users } from '../../db/schema';

export type EvidenceRow = typeof evidence.$inferSelect;
export type NewEvidenceRow = typeof evidence.$inferInsert;

/** PostgreSQL's unique_violation, as it arrives inside Drizzle's error `cause`. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const cause = (err as { cause?: { code?: string; constraint?: string } })?.cause ?? err;
  const pgErr = cause as { code?: string; constraint?: string };
  return pgErr?.code === '23505' && (!constraint || pgErr.constraint === constraint);
}

export async function insertEvidence(db: DbOrTx, values: NewEvidenceRow): Promise<EvidenceRow> {
  const rows = await db.insert(evidence).values(values).returning();
  return rows[0]!;
}

/** Undo of a just-inserted row when its job could not be queued; never used after a decision. */
export async function deletePendingEvidence(db: DbOrTx, id: string): Promise<void> {
  await db.delete(evidence).where(and(eq(evidence.id, id), eq(evidence.status, 'pending')));
}

export async function findEvidence(db: DbOrTx, id: string): Promise<EvidenceRow | null> {
  return firstRow(db.select().from(evidence).where(eq(evidence.id, id)).limit(1));
}

export interface Decision {
  status: 'pending' | 'verified' | 'rejected' | 'needs_review';
  checks: unknown;
  score: number;
  statusReason: string | null;
  decidedAt: Date | null;
  reviewerId?: string;
  reviewReason?: string;
}

export interface DecisionWrite {
  id: string;
  /** The states it may be decided from; anything else means someone got there first. */
  from: readonly EvidenceRow['status'][];
  decision: Decision;
}

// Drizzle leaves columns unqualified inside some expressions, where they would be ambiguous
// with a subquery's or a recordset's own columns; these name the evidence table explicitly.
const outer = (column: string) => sql.raw(`"evidence"."${column}"`);

/**
 * Records outcomes, each only while its evidence is still in one of its `from` states, in
 * one statement for any number of them. Returns the rows that changed; an evidence already
 * decided (a retried job, or an officer got there first) is left out. This guard is what
 * makes the worker idempotent.
 */
export async function recordDecisions(
  db: DbOrTx,
  writes: readonly DecisionWrite[],
): Promise<EvidenceRow[]> {
  if (writes.length === 0) return [];
  const recordset = JSON.stringify(
    writes.map(({ id, from, decision: d }) => ({
      id,
      from_statuses: from,
      status: d.status,
      checks: d.checks,
      score: d.score,
      status_reason: d.statusReason,
      decided_at: d.decidedAt?.toISOString() ?? null,
      reviewer_id: d.reviewerId ?? null,
      review_reason: d.reviewReason ?? null,
    })),
  );
  return db
    .update(evidence)
    .set({
      status: sql`d.status`,
      checks: sql`d.checks`,
      score: sql`d.score`,
      statusReason: sql`d.status_reason`,
      decidedAt: sql`d.decided_at`,
      reviewerId: sql`coalesce(d.reviewer_id, ${outer('reviewer_id')})`,
      reviewReason: sql`coalesce(d.review_reason, ${outer('review_reason')})`,
    })
    .from(
      sql`jsonb_to_recordset(${recordset}::jsonb) as d(
        id uuid, from_statuses text[], status text, checks jsonb, score real,
        status_reason text, decided_at timestamptz, reviewer_id uuid, review_reason text)`,
    )
    .where(sql`${outer('id')} = d.id and ${outer('status')} = any(d.from_statuses)`)
    .returning(getTableColumns(evidence));
}

/**
 * Evidence with everything the verifier needs about its past, in one round trip however
 * many are asked for: each resident's previous check-in, the nearest earlier photo hash in
 * the area (Hamming distance by 64-bit XOR and popcount in the database) and the number of
 * attestations.
 */
export async function loadManyForVerification(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      evidence,
      previous: sql<{ checkin: unknown; submittedAt: string } | null>`(
        select json_build_object('checkin', p.checkin, 'submittedAt', p.submitted_at)
        from evidence p
        where p.user_id = ${outer('user_id')} and p.submitted_at < ${outer('submitted_at')}
          and p.checkin is not null and p.id <> ${outer('id')}
        order by p.submitted_at desc limit 1)`,
      nearestHashDistance: sql<number | null>`(
        select min(bit_count(('x' || o.photo_hash)::bit(64) # ('x' || ${outer('photo_hash')})::bit(64)))::int
        from evidence o
        where ${outer('photo_hash')} is not null and o.area_id = ${outer('area_id')}
          and o.photo_hash is not null and o.submitted_at < ${outer('submitted_at')}
          and o.id <> ${outer('id')})`,
      // Each vouch weighs by the voucher's reputation when they vouched (rules/reputation).
      attestations: sql<number>`(
        select coalesce(sum(a.weight), 0)::float8 from attestations a
        where a.evidence_id = ${outer('id')})`,
    })
    .from(evidence)
    .where(inUuids(evidence.id, ids));
  return rows.map((row) => ({
    ...row,
    previous: row.previous
      ? { checkin: row.previous.checkin, submittedAt: new Date(row.previous.submittedAt) }
      : null,
  }));
}
export type LoadedForVerification = Awaited<ReturnType<typeof loadManyForVerification>>[number];

export async function loadForVerification(
  db: DbOrTx,
  id: string,
): Promise<LoadedForVerification | null> {
  return (await loadManyForVerification(db, [id]))[0] ?? null;
}

/**
 * Pending evidence submitted before `before` that no verification ever judged (a judged one
 * has its checks stored, even while it waits for attestations): candidates for a lost job.
 */
export async function listNeverJudged(db: DbOrTx, before: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: evidence.id })
    .from(evidence)
    .where(
      and(
        eq(evidence.status, 'pending'),
        isNull(evidence.checks),
        lt(evidence.submittedAt, before),
      ),
    )
    .orderBy(asc(evidence.submittedAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function countAttestations(db: DbOrTx, evidenceId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(attestations)
    .where(eq(attestations.evidenceId, evidenceId));
  return Number(rows[0]?.n ?? 0);
}

/** true when this person had not vouched yet. */
export async function insertAttestation(
  db: DbOrTx,
  evidenceId: string,
  userId: string,
  weight = 1,
): Promise<boolean> {
  const rows = await db
    .insert(attestations)
    .values({ evidenceId, userId, weight })
    .onConflictDoNothing()
    .returning({ userId: attestations.userId });
  return rows.length > 0;
}

export async function attestationCounts(
  db: DbOrTx,
  evidenceIds: string[],
): Promise<Map<string, number>> {
  return countsByKey(evidenceIds, () =>
    db
      .select({ key: attestations.evidenceId, n: count() })
      .from(attestations)
      .where(inArray(attestations.evidenceId, evidenceIds))
      .groupBy(attestations.evidenceId),
  );
}

/** The officer queue: evidence needing a person's look, oldest first. */
export async function listForReview(db: DbOrTx, areaId: string, limit: number) {
  return db
    .select({ evidence, submitterName: users.displayName })
    .from(evidence)
    .innerJoin(users, eq(users.id, evidence.userId))
    .where(and(eq(evidence.areaId, areaId), eq(evidence.status, 'needs_review')))
    .orderBy(asc(evidence.submittedAt), asc(evidence.id))
    .limit(limit);
}

export async function listForUser(db: DbOrTx, userId: string, limit: number) {
  return db
    .select()
    .from(evidence)
    .where(eq(evidence.userId, userId))
    .orderBy(desc(evidence.submittedAt))
    .limit(limit);
}

export async function photoKeysOfUser(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ key: evidence.photoKey })
    .from(evidence)
    .where(and(eq(evidence.userId, userId), isNotNull(evidence.photoKey)));
  return rows.map((r) => r.key!);
}

/** Erasure: the content a person sent goes; the decision and its checks stay for the ledger. */
export async function erasePersonalContent(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(evidence)
    .set({ text: null, checkin: null, photoExif: null, photoKey: null })
    .where(eq(evidence.userId, userId));
}
