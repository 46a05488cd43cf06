/** "Not fixed" reports in the database. */
import { and, asc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow, insertUnlessTaken } from '../../db/rows';
import { inUuids } from '../../db/sql';
import { notFixedReports } from '../../db/schema';

export type ReportRow = typeof notFixedReports.$inferSelect;
export type NewReportRow = typeof notFixedReports.$inferInsert;

/** null when this resident already reported this round (one report per person per round). */
export async function insertReport(db: DbOrTx, values: NewReportRow): Promise<ReportRow | null> {
  return insertUnlessTaken(db, notFixedReports, values);
}

export async function deleteReport(db: DbOrTx, id: string): Promise<void> {
  await db.delete(notFixedReports).where(eq(notFixedReports.id, id));
}

/**
 * A report with the nearest earlier report photo in the area (Hamming distance of the
 * 64-bit perceptual hashes): the same picture sent from several accounts is one report.
 */
export async function loadForVerification(db: DbOrTx, id: string) {
  const rows = await db
    .select({
      report: notFixedReports,
      nearestHashDistance: sql<number | null>`(
        select min(bit_count(('x' || o.photo_hash)::bit(64) # ('x' || ${notFixedReports.photoHash})::bit(64)))::int
        from not_fixed_reports o
        where ${notFixedReports.photoHash} is not null and o.area_id = ${notFixedReports.areaId}
          and o.photo_hash is not null and o.id <> ${notFixedReports.id}
          and o.submitted_at <= ${notFixedReports.submittedAt})`,
    })
    .from(notFixedReports)
    .where(eq(notFixedReports.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/** Records the decision only from `pending`, so a repeated job changes nothing. */
export async function decide(
  db: DbOrTx,
  id: string,
  values: Pick<NewReportRow, 'status' | 'checks' | 'score' | 'statusReason' | 'decidedAt'>,
): Promise<ReportRow | null> {
  return firstRow(
    db
      .update(notFixedReports)
      .set(values)
      .where(and(eq(notFixedReports.id, id), eq(notFixedReports.status, 'pending')))
      .returning(),
  );
}

/** The reports of one round that count: verified (or already upheld) ones. */
export async function countingReports(
  db: DbOrTx,
  questId: string,
  round: number,
): Promise<ReportRow[]> {
  return db
    .select()
    .from(notFixedReports)
    .where(
      and(
        eq(notFixedReports.questId, questId),
        eq(notFixedReports.round, round),
        inArray(notFixedReports.status, ['verified', 'upheld']),
      ),
    );
}

export async function markUpheld(db: DbOrTx, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notFixedReports)
    .set({ status: 'upheld' })
    .where(and(inUuids(notFixedReports.id, ids), eq(notFixedReports.status, 'verified')));
}

/** Reports never judged since before `before`: their job was presumably lost. */
export async function listStalePending(db: DbOrTx, before: Date, limit: number) {
  const rows = await db
    .select({ id: notFixedReports.id })
    .from(notFixedReports)
    .where(and(eq(notFixedReports.status, 'pending'), lt(notFixedReports.submittedAt, before)))
    .orderBy(asc(notFixedReports.submittedAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** A resident's reports, newest first (their data export). */
export async function listForUser(db: DbOrTx, userId: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(notFixedReports)
    .where(eq(notFixedReports.userId, userId))
    .orderBy(sql`${notFixedReports.submittedAt} desc`);
}

/**
 * Erasure keeps the report's weight and status (a reopen it helped decide stays explained)
 * and removes what is personal: where they stood, their photo and note.
 */
export async function eraseContent(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ photoKey: notFixedReports.photoKey })
    .from(notFixedReports)
    .where(eq(notFixedReports.userId, userId));
  await db
    .update(notFixedReports)
    .set({ checkin: null, photoKey: null, photoHash: null, photoExif: null, note: null })
    .where(eq(notFixedReports.userId, userId));
  return rows.flatMap((r) => (r.photoKey ? [r.photoKey] : []));
}
