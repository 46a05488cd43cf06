import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow, insertUnlessTaken } from '../../db/rows';
import {
  moneyLedger,
  organisationMembers,
  organisations,
  pitchMilestones,
  pitches,
  users,
} from '../../db/schema';

export type OrganisationRow = typeof organisations.$inferSelect;
export type PitchRow = typeof pitches.$inferSelect;
export type MilestoneRow = typeof pitchMilestones.$inferSelect;
export type MoneyRow = typeof moneyLedger.$inferSelect;
export type MoneyKind = 'allocated' | 'released' | 'cancelled' | 'reversed';

/** Null when the name (case-insensitive, per area) or the invite code is taken. */
export const insertOrganisation = (db: DbOrTx, values: typeof organisations.$inferInsert) =>
  insertUnlessTaken(db, organisations, values);

export const findOrganisation = (db: DbOrTx, id: string) =>
  firstRow(db.select().from(organisations).where(eq(organisations.id, id)).limit(1));

export const findOrganisationByCode = (db: DbOrTx, code: string) =>
  firstRow(db.select().from(organisations).where(eq(organisations.inviteCode, code)).limit(1));

export const organisationsInArea = (db: DbOrTx, areaId: string) =>
  db
    .select()
    .from(organisations)
    .where(eq(organisations.areaId, areaId))
    .orderBy(asc(organisations.name));

export async function organisationIdsOf(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  return rows.map((r) => r.id);
}

export async function setVerified(db: DbOrTx, id: string, by: string, at: Date) {
  const rows = await db
    .update(organisations)
    .set({ verifiedAt: at, verifiedBy: by })
    .where(eq(organisations.id, id))
    .returning();
  return rows[0]!;
}

/** False when the person is already a member. */
export async function insertMember(
  db: DbOrTx,
  values: { organisationId: string; userId: string; role: 'lead' | 'member' },
): Promise<boolean> {
  const rows = await db
    .insert(organisationMembers)
    .values(values)
    .onConflictDoNothing()
    .returning({ userId: organisationMembers.userId });
  return rows.length === 1;
}

/** Members of several organisations at once, leads first. */
export const membersOf = (db: DbOrTx, organisationIds: string[]) =>
  organisationIds.length === 0
    ? Promise.resolve([])
    : db
        .select({
          organisationId: organisationMembers.organisationId,
          userId: organisationMembers.userId,
          displayName: users.displayName,
          role: organisationMembers.role,
        })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(inArray(organisationMembers.organisationId, organisationIds))
        .orderBy(asc(organisationMembers.role), asc(organisationMembers.joinedAt));

export async function roleInOrganisation(db: DbOrTx, organisationId: string, userId: string) {
  const row = await firstRow(
    db
      .select({ role: organisationMembers.role })
      .from(organisationMembers)
      .where(
        and(
          eq(organisationMembers.organisationId, organisationId),
          eq(organisationMembers.userId, userId),
        ),
      )
      .limit(1),
  );
  return (row?.role as 'lead' | 'member' | undefined) ?? null;
}

export async function insertPitch(
  db: DbOrTx,
  values: typeof pitches.$inferInsert,
  milestones: Omit<typeof pitchMilestones.$inferInsert, 'pitchId' | 'position'>[],
): Promise<PitchRow> {
  const [row] = await db.insert(pitches).values(values).returning();
  await replaceMilestones(db, row!.id, milestones);
  return row!;
}

/** Milestones of a draft are replaced whole: nothing has been paid against them yet. */
export async function replaceMilestones(
  db: DbOrTx,
  pitchId: string,
  milestones: Omit<typeof pitchMilestones.$inferInsert, 'pitchId' | 'position'>[],
) {
  await db.delete(pitchMilestones).where(eq(pitchMilestones.pitchId, pitchId));
  await db
    .insert(pitchMilestones)
    .values(milestones.map((m, i) => ({ ...m, pitchId, position: i + 1 })));
}

export const findPitch = (db: DbOrTx, id: string, lock = false) => {
  const q = db.select().from(pitches).where(eq(pitches.id, id));
  return firstRow(lock ? q.for('update') : q.limit(1));
};

export async function updatePitch(db: DbOrTx, id: string, patch: Partial<PitchRow>) {
  const rows = await db.update(pitches).set(patch).where(eq(pitches.id, id)).returning();
  return rows[0]!;
}

/** Pitches of an area past draft (or of the given status), newest first. */
export const pitchesInArea = (db: DbOrTx, areaId: string, status?: string) =>
  db
    .select()
    .from(pitches)
    .where(
      and(
        eq(pitches.areaId, areaId),
        status ? eq(pitches.status, status) : ne(pitches.status, 'draft'),
      ),
    )
    .orderBy(desc(pitches.createdAt))
    .limit(500);

export const pitchesOfOrganisations = (db: DbOrTx, areaId: string, organisationIds: string[]) =>
  organisationIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(pitches)
        .where(and(eq(pitches.areaId, areaId), inArray(pitches.organisationId, organisationIds)))
        .orderBy(desc(pitches.createdAt));

export const milestonesOf = (db: DbOrTx, pitchIds: string[]) =>
  pitchIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(pitchMilestones)
        .where(inArray(pitchMilestones.pitchId, pitchIds))
        .orderBy(asc(pitchMilestones.position));

export async function markMilestoneReleased(
  db: DbOrTx,
  milestoneId: string,
  evidence: string,
  at: Date,
) {
  const rows = await db
    .update(pitchMilestones)
    .set({ releasedAt: at, evidence })
    .where(and(eq(pitchMilestones.id, milestoneId), sql`${pitchMilestones.releasedAt} is null`))
    .returning();
  return rows[0] ?? null;
}

export async function appendMoney(db: DbOrTx, row: typeof moneyLedger.$inferInsert) {
  const [inserted] = await db.insert(moneyLedger).values(row).returning();
  return inserted!;
}

/** Sums per pitch and kind: the only way totals are read. */
export async function moneyTotals(db: DbOrTx, pitchIds: string[]) {
  if (pitchIds.length === 0) return new Map<string, Record<MoneyKind, number>>();
  const rows = await db
    .select({
      pitchId: moneyLedger.pitchId,
      kind: moneyLedger.kind,
      total: sql<number>`sum(${moneyLedger.amountPence})::int`,
    })
    .from(moneyLedger)
    .where(inArray(moneyLedger.pitchId, pitchIds))
    .groupBy(moneyLedger.pitchId, moneyLedger.kind);
  const totals = new Map<string, Record<MoneyKind, number>>();
  for (const r of rows) {
    const t = totals.get(r.pitchId) ?? { allocated: 0, released: 0, cancelled: 0, reversed: 0 };
    t[r.kind as MoneyKind] = r.total;
    totals.set(r.pitchId, t);
  }
  return totals;
}

export const ledgerOf = (db: DbOrTx, pitchId: string) =>
  db
    .select()
    .from(moneyLedger)
    .where(eq(moneyLedger.pitchId, pitchId))
    .orderBy(asc(moneyLedger.createdAt), asc(moneyLedger.id));

/** Approved pitches whose deadline has passed: the sweep behind the deadline jobs. */
export const overdueApproved = (db: DbOrTx, now: Date) =>
  db
    .select({ id: pitches.id })
    .from(pitches)
    .where(and(eq(pitches.status, 'approved'), sql`${pitches.deadline} <= ${now}`))
    .limit(200);

/** Which of these accounts have confirmed their email (the account's own verification). */
export async function confirmedEmails(db: DbOrTx, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), sql`${users.emailVerifiedAt} is not null`));
  return new Set(rows.map((r) => r.id));
}

/** Sums per kind for a whole area (dashboards and open data read these, never a copy). */
export async function moneyTotalsInArea(db: DbOrTx, areaId: string) {
  const rows = await db
    .select({ kind: moneyLedger.kind, total: sql<number>`sum(${moneyLedger.amountPence})::int` })
    .from(moneyLedger)
    .where(eq(moneyLedger.areaId, areaId))
    .groupBy(moneyLedger.kind);
  const totals: Record<MoneyKind, number> = {
    allocated: 0,
    released: 0,
    cancelled: 0,
    reversed: 0,
  };
  for (const r of rows) totals[r.kind as MoneyKind] = r.total;
  return totals;
}
