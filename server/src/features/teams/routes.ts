import { teamsContracts as api } from '@govcraft/shared';
import { defineRoute, SIGNED_IN, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { TeamsService } from './service';

export function teamsRoutes(teams: TeamsService): AnyRouteSpec[] {
  /** Team changes are checked by the service (captain or member), not by an area role. */
  const write = { access: SIGNED_IN, rateLimit: 'write' } as const;
  return [
    defineRoute(api.createTeam, {
      ...write,
      handler: ({ actor, params, body }) => teams.create(userIdOf(actor), params.slug, body.name),
    }),
    defineRoute(api.getMyTeam, {
      access: SIGNED_IN,
      handler: ({ actor, params }) => teams.mine(userIdOf(actor), params.slug),
    }),
    defineRoute(api.getTeam, {
      access: SIGNED_IN,
      handler: ({ actor, params }) => teams.get(params.teamId, userIdOf(actor)),
    }),
    defineRoute(api.joinTeam, {
      access: SIGNED_IN,
      // Codes are secrets: the password budget keeps guessing slow.
      rateLimit: 'password',
      handler: ({ actor, body }) => teams.join(userIdOf(actor), body.code),
    }),
    defineRoute(api.leaveTeam, {
      ...write,
      handler: ({ actor, params }) => teams.leave(userIdOf(actor), params.teamId),
    }),
    defineRoute(api.removeTeamMember, {
      ...write,
      handler: ({ actor, params }) =>
        teams.removeMember(userIdOf(actor), params.teamId, params.userId),
    }),
    defineRoute(api.handOverCaptaincy, {
      ...write,
      handler: ({ actor, params, body }) =>
        teams.handOver(userIdOf(actor), params.teamId, body.userId),
    }),
    defineRoute(api.rotateTeamInviteCode, {
      ...write,
      handler: ({ actor, params }) => teams.rotateInviteCode(userIdOf(actor), params.teamId),
    }),
  ];
}
