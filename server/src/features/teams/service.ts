/**
 * Teams of neighbours inside one area: create, join by invite code, leave, captain powers.
 * A resident is in at most one team per area (a unique index backs the rule). Every change
 * runs in one transaction with its audit row, then `team:update` goes to the team room.
 */
import { randomBytes } from 'node:crypto';
import {
  MAX_TEAM_SIZE,
  rooms,
  type LeaveTeamResponse,
  type Team,
  type TeamUpdateEvent,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import * as repo from './repo';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 10 characters from 32 look-alike-free symbols: 50 bits, typed from a poster if need be. */
export function newInviteCode(): string {
  return [...randomBytes(10)].map((b) => CODE_ALPHABET[b & 31]).join('');
}

export interface TeamsDeps {
  areas: Pick<AreasService, 'idOfSlug' | 'byId' | 'join'>;
  accounts: Pick<AccountsService, 'roleIn' | 'registerEraser' | 'registerExporter'>;
  audit: AuditService;
  /** Drops a deleted team from the live leaderboards. */
  removeFromBoards: (areaId: string, teamId: string) => Promise<void>;
}

export interface TeamOf {
  teamId: string;
  name: string;
  memberIds: string[];
}

export function createTeamsService(infra: Pick<Infra, 'db' | 'io' | 'logger'>, deps: TeamsDeps) {
  const { db } = infra;

  async function view(team: repo.TeamRow, viewerId: string | null): Promise<Team> {
    const [members, xp] = await Promise.all([
      repo.listMembers(db, team.id),
      repo.xpByMember(db, team.id),
    ]);
    const isMember = members.some((m) => m.userId === viewerId);
    return {
      id: team.id,
      areaId: team.areaId,
      name: team.name,
      captainId: team.captainId,
      inviteCode: isMember ? team.inviteCode : null,
      members: members.map((m) => ({
        userId: m.userId,
        displayName: m.displayName,
        isCaptain: m.userId === team.captainId,
        joinedAt: m.joinedAt.toISOString(),
        xp: xp.get(m.userId) ?? 0,
      })),
      maxSize: MAX_TEAM_SIZE,
      createdAt: team.createdAt.toISOString(),
    };
  }

  /** Tells the team room what changed; a deleted team is announced with no members. */
  async function announce(teamId: string): Promise<void> {
    const team = await repo.findTeam(db, teamId);
    const members = team ? await repo.listMembers(db, teamId) : [];
    const update: TeamUpdateEvent = {
      teamId,
      name: team?.name ?? '',
      captainId: team?.captainId ?? null,
      members: members.map((m) => ({ userId: m.userId, displayName: m.displayName })),
    };
    infra.io.to(rooms.team(teamId)).emit('team:update', update);
  }

  /** Someone who left stops hearing the team room on every node they are connected to. */
  function dropFromRoom(teamId: string, userId: string): void {
    infra.io.in(rooms.user(userId)).socketsLeave(rooms.team(teamId));
  }

  async function requireAreaMember(userId: string, areaId: string): Promise<void> {
    if (!(await deps.accounts.roleIn(userId, areaId))) {
      throw forbidden('join this area before making a team in it');
    }
  }

  async function lockedTeam(tx: DbOrTx, teamId: string): Promise<repo.TeamRow> {
    const team = await repo.lockTeam(tx, teamId);
    if (!team) throw notFound('team');
    return team;
  }

  function requireCaptain(team: repo.TeamRow, userId: string): void {
    if (team.captainId !== userId) throw forbidden('only the team captain can do this');
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

  /**
   * Takes one member out. A leaving captain hands over to the longest-standing member; the
   * last member leaving deletes the team.
   */
  async function removeInTx(tx: DbOrTx, team: repo.TeamRow, userId: string) {
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

  async function afterRemoval(team: repo.TeamRow, userId: string, teamDeleted: boolean) {
    dropFromRoom(team.id, userId);
    if (teamDeleted) await deps.removeFromBoards(team.areaId, team.id);
    await announce(team.id);
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

  async function removeMember(captainId: string, teamId: string, userId: string): Promise<Team> {
    if (captainId === userId) {
      throw AppError.field('userId', 'to remove yourself, leave the team instead');
    }
    const team = await db.transaction(async (tx) => {
      const team = await lockedTeam(tx, teamId);
      requireCaptain(team, captainId);
      await removeInTx(tx, team, userId);
      await deps.audit.record(tx, {
        areaId: team.areaId,
        actorId: captainId,
        action: 'team.remove_member',
        entityType: 'team',
        entityId: team.id,
        before: { userId },
      });
      return team;
    });
    await afterRemoval(team, userId, false);
    return view(team, captainId);
  }

  async function handOver(captainId: string, teamId: string, userId: string): Promise<Team> {
    const team = await db.transaction(async (tx) => {
      const team = await lockedTeam(tx, teamId);
      requireCaptain(team, captainId);
      const members = await repo.listMembers(tx, teamId);
      if (!members.some((m) => m.userId === userId)) {
        throw AppError.field('userId', 'is not a member of this team');
      }
      await repo.updateTeam(tx, teamId, { captainId: userId });
      await deps.audit.record(tx, {
        areaId: team.areaId,
        actorId: captainId,
        action: 'team.captain',
        entityType: 'team',
        entityId: teamId,
        before: { captainId },
        after: { captainId: userId },
      });
      return { ...team, captainId: userId };
    });
    await announce(teamId);
    return view(team, captainId);
  }

  async function rotateInviteCode(captainId: string, teamId: string) {
    const inviteCode = newInviteCode();
    await db.transaction(async (tx) => {
      const team = await lockedTeam(tx, teamId);
      requireCaptain(team, captainId);
      await repo.updateTeam(tx, teamId, { inviteCode });
      await deps.audit.record(tx, {
        areaId: team.areaId,
        actorId: captainId,
        action: 'team.rotate_code',
        entityType: 'team',
        entityId: teamId,
      });
    });
    return { inviteCode };
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

  // A deleted account leaves its teams (captaincy handed over, empty teams deleted) inside
  // the deletion's transaction; boards catch up on the next rebuild.
  deps.accounts.registerEraser(async (tx, userId) => {
    for (const teamId of await repo.teamIdsOfUser(tx, userId)) {
      const team = await repo.lockTeam(tx, teamId);
      if (team) await removeInTx(tx, team, userId);
    }
  });
  deps.accounts.registerExporter('teams', async (userId) => {
    const ids = await repo.teamIdsOfUser(db, userId);
    return Promise.all(ids.map((id) => get(id, userId)));
  });

  return {
    create,
    join,
    leave,
    removeMember,
    handOver,
    rotateInviteCode,
    get,
    mine,
    teamOf,
    isMember,
  };
}
export type TeamsService = ReturnType<typeof createTeamsService>;
