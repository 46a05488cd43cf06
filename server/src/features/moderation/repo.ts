import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow, insertUnlessTaken } from '../../db/rows';
import { contentReports } from '../../db/schema';

export type ReportRow = typeof contentReports.$inferSelect;

/** Most reports one queue page reads; the oldest come first. */
export const QUEUE_LIMIT = 500;

/** Null when this person already reported this item. */
export function insertReport(
  db: DbOrTx,
  values: typeof contentReports.$inferInsert,
): Promise<ReportRow | null> {
  return insertUnlessTaken(db, contentReports, values);
}

export function findReportBy(
  db: DbOrTx,
  kind: string,
  contentId: string,
  reporterId: string,
): Promise<ReportRow | null> {
  return firstRow(
    db
      .select()
      .from(contentReports)
      .where(
        and(
          eq(contentReports.contentKind, kind),
          eq(contentReports.contentId, contentId),
          eq(contentReports.reporterId, reporterId),
        ),
      ),
  );
}

export function listQueue(db: DbOrTx, areaId: string, status: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(contentReports)
    .where(and(eq(contentReports.areaId, areaId), eq(contentReports.status, status)))
    .orderBy(asc(contentReports.createdAt), asc(contentReports.id))
    .limit(QUEUE_LIMIT);
}

export function reportsOn(db: DbOrTx, kind: string, contentId: string): Promise<ReportRow[]> {
  return db
    .select()
    .from(contentReports)
    .where(and(eq(contentReports.contentKind, kind), eq(contentReports.contentId, contentId)))
    .orderBy(asc(contentReports.createdAt), asc(contentReports.id));
}

/** Decides every open report on one item; answers how many it decided. */
export async function decideOpenReports(
  db: DbOrTx,
  kind: string,
  contentId: string,
  decision: { status: 'upheld' | 'dismissed'; by: string; reason: string; at: Date },
): Promise<number> {
  const rows = await db
    .update(contentReports)
    .set({
      status: decision.status,
      decidedBy: decision.by,
      decisionReason: decision.reason,
      decidedAt: decision.at,
    })
    .where(
      and(
        eq(contentReports.contentKind, kind),
        eq(contentReports.contentId, contentId),
        inArray(contentReports.status, ['open']),
      ),
    )
    .returning({ id: contentReports.id });
  return rows.length;
}
