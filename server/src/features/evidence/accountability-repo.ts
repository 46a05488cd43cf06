/**
 * The database side of taking XP back: moving evidence out of `verified` (and back after an
 * upheld appeal), strikes, suspensions and appeals. Every change is guarded by the state it
 * comes from, so a repeated call changes nothing.
 */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { evidence, evidenceAppeals, evidenceStrikes, evidenceSuspensions } from '../../db/schema';
import type { EvidenceRow } from './repo';

export type AppealRow = typeof evidenceAppeals.$inferSelect;

/** Moves evidence between decided states, only from `from`; null when it was not there. */
export async function moveStatus(
  db: DbOrTx,
  id: string,
  from: EvidenceRow['status'],
  to: { status: EvidenceRow['status']; reason: string | null; reviewerId: string; at: Date },
): Promise<EvidenceRow | null> {
  return firstRow(
    db
      .update(evidence)
      .set({
        status: to.status,
        statusReason: to.reason,
        reviewerId: to.reviewerId,
        reviewReason: to.reason,
        decidedAt: to.at,
      })
      .where(and(eq(evidence.id, id), eq(evidence.status, from)))
      .returning(),
  );
}

/** Records a strike for this evidence; false when it already has one. */
export async function insertStrike(
  db: DbOrTx,
  values: typeof evidenceStrikes.$inferInsert,
): Promise<boolean> {
  const rows = await db
    .insert(evidenceStrikes)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: evidenceStrikes.id });
  return rows.length > 0;
}

export async function activeStrikes(db: DbOrTx, userId: string, areaId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(evidenceStrikes)
    .where(
      and(
        eq(evidenceStrikes.userId, userId),
        eq(evidenceStrikes.areaId, areaId),
        isNull(evidenceStrikes.liftedAt),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Lifts the strike an evidence brought (an upheld appeal). */
export async function liftStrikeOf(db: DbOrTx, evidenceId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(evidenceStrikes)
    .set({ liftedAt: at })
    .where(and(eq(evidenceStrikes.evidenceId, evidenceId), isNull(evidenceStrikes.liftedAt)))
    .returning({ id: evidenceStrikes.id });
  return rows.length > 0;
}

/** Suspends evidence in an area; false when a suspension is already in force. */
export async function insertSuspension(
  db: DbOrTx,
  userId: string,
  areaId: string,
): Promise<boolean> {
  const rows = await db
    .insert(evidenceSuspensions)
    .values({ userId, areaId })
    .onConflictDoNothing()
    .returning({ id: evidenceSuspensions.id });
  return rows.length > 0;
}

export async function isSuspended(db: DbOrTx, userId: string, areaId: string): Promise<boolean> {
  const row = await firstRow(
    db
      .select({ id: evidenceSuspensions.id })
      .from(evidenceSuspensions)
      .where(
        and(
          eq(evidenceSuspensions.userId, userId),
          eq(evidenceSuspensions.areaId, areaId),
          isNull(evidenceSuspensions.liftedAt),
        ),
      )
      .limit(1),
  );
  return row !== null;
}

/** Lifts the suspension in force and clears the strikes behind it; false when none. */
export async function liftSuspension(
  db: DbOrTx,
  userId: string,
  areaId: string,
  liftedBy: string,
  at: Date,
): Promise<boolean> {
  const lifted = await db
    .update(evidenceSuspensions)
    .set({ liftedAt: at, liftedBy })
    .where(
      and(
        eq(evidenceSuspensions.userId, userId),
        eq(evidenceSuspensions.areaId, areaId),
        isNull(evidenceSuspensions.liftedAt),
      ),
    )
    .returning({ id: evidenceSuspensions.id });
  if (lifted.length === 0) return false;
  await db
    .update(evidenceStrikes)
    .set({ liftedAt: at })
    .where(
      and(
        eq(evidenceStrikes.userId, userId),
        eq(evidenceStrikes.areaId, areaId),
        isNull(evidenceStrikes.liftedAt),
      ),
    );
  return true;
}

/** The appeal, or null when the evidence has none (yet); an evidence has at most one. */
export async function insertAppeal(
  db: DbOrTx,
  values: typeof evidenceAppeals.$inferInsert,
): Promise<AppealRow | null> {
  return firstRow(db.insert(evidenceAppeals).values(values).onConflictDoNothing().returning());
}

export async function openAppealOf(db: DbOrTx, evidenceId: string): Promise<AppealRow | null> {
  return firstRow(
    db
      .select()
      .from(evidenceAppeals)
      .where(and(eq(evidenceAppeals.evidenceId, evidenceId), eq(evidenceAppeals.status, 'open')))
      .limit(1),
  );
}

/** Closes an open appeal; null when it was already decided. */
export async function decideAppeal(
  db: DbOrTx,
  id: string,
  decision: { status: 'upheld' | 'dismissed'; by: string; reason: string; at: Date },
): Promise<AppealRow | null> {
  return firstRow(
    db
      .update(evidenceAppeals)
      .set({
        status: decision.status,
        decidedBy: decision.by,
        decisionReason: decision.reason,
        decidedAt: decision.at,
      })
      .where(and(eq(evidenceAppeals.id, id), eq(evidenceAppeals.status, 'open')))
      .returning(),
  );
}

/** Whether any XP this evidence paid was taken back. */
export async function wasReversed(db: DbOrTx, evidenceId: string): Promise<boolean> {
  const result = await db.execute(
    sql`select exists (select 1 from xp_ledger where evidence_id = ${evidenceId}::uuid
      and reverses_id is not null) as reversed`,
  );
  return Boolean((result as unknown as { rows: { reversed: boolean }[] }).rows[0]?.reversed);
}
