/**
 * Captain powers: remove a member, hand the captaincy over, rotate the invite code. Each
 * change commits with its audit row; the team room hears after the commit.
 */
import type { Team } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import { lockedTeam, removeInTx, requireCaptain } from './members';
import { newInviteCode } from './invite-code';
import type { TeamPresenter } from './present';
import * as repo from './repo';

export interface CaptainDeps {
  audit: Pick<AuditService, 'record'>;
  present: TeamPresenter;
}

export function createCaptainActions(infra: Pick<Infra, 'db'>, deps: CaptainDeps) {
  const { db } = infra;
  const { view, announce, afterRemoval } = deps.present;

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

  return { removeMember, handOver, rotateInviteCode };
}
