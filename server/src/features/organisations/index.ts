import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import type { QuestsService } from '../quests/service';
import { organisationsRoutes } from './routes';
import { createOrganisationsService } from './service';

/** Organisations pitch to run quests; approved pitches become quests with money attached. */
export function organisationsFeature(
  infra: Infra,
  below: {
    areas: AreasService;
    accounts: AccountsService;
    audit: AuditService;
    quests: QuestsService;
  },
) {
  const service = createOrganisationsService(infra, below);
  return feature('organisations', service, {
    routes: organisationsRoutes(service, below.areas),
    jobs: service.jobs,
  });
}
