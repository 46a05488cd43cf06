/**
 * Team membership inside a transaction: the locked team, the captain check, and taking one
 * member out (with captaincy handed over, or the team deleted when it empties).
 */
import type { DbOrTx } from '../../db/client';
import { AppError, forbidden, notFound } from '../../lib/errors';
import * as repo from './repo';

export async function lockedTeam(tx: DbOrTx, teamId: string): Promise<repo.TeamRow> {
  const team = await repo.lockTeam(tx, teamId);
  if (!team) throw notFound('team');
  return team;
}

export function requireCaptain(team: repo.TeamRow, userId: string): void {
  if (team.captainId !== userId) throw forbidden('only the team captain can do this');
}

/**
 * Takes one member out. A leaving captain hands over to the longest-standing member; the
 * last member leaving deletes the team.
 */
export async function removeInTx(tx: DbOrTx, team: repo.TeamRow, userId: string) {
  if (!(await repo.deleteMember(tx, team.id, userId))) {
    throw new AppError('not_found', 'that person is not in this team');
  }
  const rest = await repo.listMembers(tx, team.id);
  if (rest.length === 0) {
    await repo.deleteTeam(tx, team.id);
    return { teamDeleted: true, newCaptainId: null };
  }
  if (team.captainId !== userId) return { teamDeleted: false, newCaptainId: null };
  const heir = rest[0]!.userId;
  await repo.updateTeam(tx, team.id, { captainId: heir });
  return { teamDeleted: false, newCaptainId: heir };
}
