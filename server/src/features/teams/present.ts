/**
 * How a team is shown to a viewer (the invite code to members only) and how its room hears
 * about changes made after a commit.
 */
import { MAX_TEAM_SIZE, rooms, type Team, type TeamUpdateEvent } from '@govcraft/shared';
import type { Infra } from '../../context';
import * as repo from './repo';

export function createTeamPresenter(infra: Pick<Infra, 'db' | 'io' | 'events'>) {
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

  async function afterRemoval(team: repo.TeamRow, userId: string, teamDeleted: boolean) {
    dropFromRoom(team.id, userId);
    // Listeners (the live boards) drop it; the ledger keeps its history.
    if (teamDeleted)
      await infra.events.publish('team.deleted', { areaId: team.areaId, teamId: team.id });
    await announce(team.id);
  }

  return { view, announce, afterRemoval };
}
export type TeamPresenter = ReturnType<typeof createTeamPresenter>;
