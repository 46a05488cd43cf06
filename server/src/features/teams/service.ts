/**
 * Teams of neighbours inside one area: create, join by invite code, leave, captain powers.
 * A resident is in at most one team per area (a unique index backs the rule). Every change
 * runs in one transaction with its audit row, then `team:update` goes to the team room.
 */
import { MAX_TEAM_SIZE, type LeaveTeamResponse, type Team } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { createCaptainActions } from './captain';
import { newInviteCode } from './invite-code';
import { lockedTeam, removeInTx } from './members';
import { createTeamPresenter } from './present';
import * as repo from './repo';

export interface TeamsDeps {
  areas: Pick<AreasService, 'idOfSlug' | 'byId' | 'join'>;
  accounts: Pick<AccountsService, 'roleIn'>;
  audit: Pick<AuditService, 'record'>;
}

export interface TeamOf {
  teamId: string;
  name: string;
  memberIds: string[];
}

export function createTeamsService(
  infra: Pick<Infra, 'db' | 'io' | 'logger' | 'events'>,
  deps: TeamsDeps,
) {
  const { db } = infra;
  const present = createTeamPresenter(infra);
  const { view, announce, afterRemoval } = present;
  const captain = createCaptainActions(infra, { audit: deps.audit, present });

  async function requireAreaMember(userId: string, areaId: string): Promise<void> {
    if (!(await deps.accounts.roleIn(userId, areaId))) {
      throw forbidden('join this area before making a team in it');
    }
  }

  async function create(userId: string, slug: string, name: string): Promise<Team> {
    const areaId = await deps.areas.idOfSlug(slug);
    await requireAreaMember(userId, areaId);
    const team = await db.transaction(async (tx) => {
      if (await repo.teamIdInArea(tx, areaId, userId)) {
        throw new AppError('conflict', 'you are already in a team in this area; leave it first');
      }
      const row = await repo.insertTeam(tx, {
        areaId,
        name,
        inviteCode: newInviteCode(),
        captainId: userId,
      });
      if (!row) {
        throw new AppError('conflict', 'name: a team in this area already has this name', {
          issues: [{ path: 'name', message: 'a team in this area already has this name' }],
        });
      }
      if (!(await repo.insertMember(tx, { teamId: row.id, userId, areaId }))) {
        throw new AppError('conflict', 'you are already in a team in this area; leave it first');
      }
      await deps.audit.record(tx, {
        areaId,
        actorId: userId,
        action: 'team.create',
        entityType: 'team',
        entityId: row.id,
        after: { name },
      });
      return row;
    });
    await announce(team.id);
    return view(team, userId);
  }

  async function join(userId: string, code: string): Promise<Team> {
    const found = await repo.findTeamIdByCode(db, code);
    if (!found) {
      throw new AppError('not_found', 'code: no team has this invite code', {
        issues: [{ path: 'code', message: 'no team has this invite code' }],
      });
    }
    // An invite from a neighbour brings you into their area as a resident too.
    await deps.areas.join(userId, (await deps.areas.byId(found.areaId)).slug);
    const team = await db.transaction(async (tx) => {
      const row = await repo.lockTeamByCode(tx, code);
      if (!row) throw new AppError('conflict', 'code: this invite code was just changed');
      const members = await repo.listMembers(tx, row.id);
      if (members.some((m) => m.userId === userId)) {
        throw new AppError('conflict', 'you are already in this team');
      }
      if (members.length >= MAX_TEAM_SIZE) {
        throw new AppError('conflict', `this team is full (${MAX_TEAM_SIZE} members)`);
      }
      if (!(await repo.insertMember(tx, { teamId: row.id, userId, areaId: row.areaId }))) {
        throw new AppError('conflict', 'you are already in a team in this area; leave it first');
      }
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId: userId,
        action: 'team.join',
        entityType: 'team',
        entityId: row.id,
      });
      return row;
    });
    await announce(team.id);
    return view(team, userId);
  }

  async function leave(userId: string, teamId: string): Promise<LeaveTeamResponse> {
    const { team, outcome } = await db.transaction(async (tx) => {
      const team = await lockedTeam(tx, teamId);
      const outcome = await removeInTx(tx, team, userId);
      await deps.audit.record(tx, {
        areaId: team.areaId,
        actorId: userId,
        action: outcome.teamDeleted ? 'team.delete' : 'team.leave',
        entityType: 'team',
        entityId: team.id,
        after: outcome,
      });
      return { team, outcome };
    });
    await afterRemoval(team, userId, outcome.teamDeleted);
    return outcome;
  }

  async function get(teamId: string, viewerId: string | null): Promise<Team> {
    const team = await repo.findTeam(db, teamId);
    if (!team) throw notFound('team');
    return view(team, viewerId);
  }

  async function mine(userId: string, slug: string): Promise<{ team: Team | null }> {
    const areaId = await deps.areas.idOfSlug(slug);
    const teamId = await repo.teamIdInArea(db, areaId, userId);
    const team = teamId ? await repo.findTeam(db, teamId) : null;
    return { team: team ? await view(team, userId) : null };
  }

  /** The contract other features use: a resident's team in an area, or null. */
  async function teamOf(areaId: string, userId: string): Promise<TeamOf | null> {
    const teamId = await repo.teamIdInArea(db, areaId, userId);
    const team = teamId ? await repo.findTeam(db, teamId) : null;
    if (!team) return null;
    const members = await repo.listMembers(db, team.id);
    return { teamId: team.id, name: team.name, memberIds: members.map((m) => m.userId) };
  }

  async function isMember(teamId: string, userId: string): Promise<boolean> {
    const members = await repo.listMembers(db, teamId);
    return members.some((m) => m.userId === userId);
  }

  /**
   * Account deletion, inside its transaction: the person leaves every team (captaincy handed
   * over, empty teams deleted); boards catch up on the next rebuild.
   */
  async function leaveAllTeams(tx: DbOrTx, userId: string): Promise<void> {
    for (const teamId of await repo.teamIdsOfUser(tx, userId)) {
      const team = await repo.lockTeam(tx, teamId);
      if (team) await removeInTx(tx, team, userId);
    }
  }

  /** A data export's teams section: every team the person is in, as a member sees it. */
  async function exportFor(userId: string): Promise<Team[]> {
    const ids = await repo.teamIdsOfUser(db, userId);
    return Promise.all(ids.map((id) => get(id, userId)));
  }

  return {
    create,
    join,
    leave,
    ...captain,
    get,
    mine,
    teamOf,
    isMember,
    leaveAllTeams,
    exportFor,
  };
}
export type TeamsService = ReturnType<typeof createTeamsService>;
