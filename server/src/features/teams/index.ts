import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import { teamsRoutes } from './routes';
import { createTeamsService } from './service';
import { teamJoinHandler } from './socket';

/** Teams publish `team.deleted` (teams/facts.ts) when the last member leaves. */
export function teamsFeature(
  infra: Infra,
  below: { areas: AreasService; accounts: AccountsService; audit: AuditService },
) {
  const teams = createTeamsService(infra, below);
  return feature('teams', teams, {
    routes: teamsRoutes(teams),
    sockets: { 'team:join': teamJoinHandler(teams) },
  });
}
