import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow, insertUnlessTaken } from '../../db/rows';
import { teamMembers, teams, users, xpLedger } from '../../db/schema';

export type TeamRow = typeof teams.$inferSelect;

/** Null when the name (case-insensitive, per area) or the invite code is taken. */
export function insertTeam(db: DbOrTx, values: typeof teams.$inferInsert): Promise<TeamRow | null> {
  return insertUnlessTaken(db, teams, values);
}

/** False when the person is already in this team or in another team of the area. */
export async function insertMember(
  db: DbOrTx,
  values: { teamId: string; userId: string; areaId: string },
): Promise<boolean> {
  const rows = await db
    .insert(teamMembers)
    .values(values)
    .onConflictDoNothing()
    .returning({ userId: teamMembers.userId });
  return rows.length === 1;
}

export async function findTeam(db: DbOrTx, teamId: string): Promise<TeamRow | null> {
  return firstRow(db.select().from(teams).where(eq(teams.id, teamId)).limit(1));
}

/** Locks the team row so membership changes to one team happen one at a time. */
export async function lockTeam(db: DbOrTx, teamId: string): Promise<TeamRow | null> {
  return firstRow(db.select().from(teams).where(eq(teams.id, teamId)).for('update'));
}

export async function lockTeamByCode(db: DbOrTx, inviteCode: string): Promise<TeamRow | null> {
  return firstRow(db.select().from(teams).where(eq(teams.inviteCode, inviteCode)).for('update'));
}

export async function teamIdInArea(
  db: DbOrTx,
  areaId: string,
  userId: string,
): Promise<string | null> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.areaId, areaId), eq(teamMembers.userId, userId)))
    .limit(1);
  return rows[0]?.teamId ?? null;
}

export async function teamIdsOfUser(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, userId));
  return rows.map((r) => r.teamId);
}

/** Members, longest-standing first (ties by user id, so the order is stable). */
export async function listMembers(db: DbOrTx, teamId: string) {
  return db
    .select({
      userId: teamMembers.userId,
      displayName: users.displayName,
      joinedAt: teamMembers.joinedAt,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(asc(teamMembers.joinedAt), asc(teamMembers.userId));
}

/** XP each member earned while in this team (ledger rows carrying the team id). */
export async function xpByMember(db: DbOrTx, teamId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: xpLedger.userId, xp: sql<number>`sum(${xpLedger.amount})::int` })
    .from(xpLedger)
    .where(eq(xpLedger.teamId, teamId))
    .groupBy(xpLedger.userId);
  return new Map(rows.map((r) => [r.userId, Number(r.xp)]));
}

export async function deleteMember(db: DbOrTx, teamId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
    .returning({ userId: teamMembers.userId });
  return rows.length === 1;
}

export async function updateTeam(
  db: DbOrTx,
  teamId: string,
  values: Partial<Pick<TeamRow, 'captainId' | 'inviteCode'>>,
): Promise<void> {
  await db.update(teams).set(values).where(eq(teams.id, teamId));
}

export async function deleteTeam(db: DbOrTx, teamId: string): Promise<void> {
  await db.delete(teams).where(eq(teams.id, teamId));
}

export async function findTeamIdByCode(db: DbOrTx, inviteCode: string) {
  return firstRow(
    db
      .select({ id: teams.id, areaId: teams.areaId })
      .from(teams)
      .where(eq(teams.inviteCode, inviteCode))
      .limit(1),
  );
}
