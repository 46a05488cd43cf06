import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import type { QuestsService } from '../quests/service';
import { integrationsRoutes } from './routes';
import { createIntegrationsService } from './service';

/** GovCraft as a client of councils' case systems (Open311, CSV import). */
export function integrationsFeature(
  infra: Infra,
  below: { areas: AreasService; audit: AuditService; quests: QuestsService },
) {
  const integrations = createIntegrationsService(infra, below);
  return feature('integrations', integrations, {
    routes: integrationsRoutes(integrations, below.areas),
    jobs: integrations.jobs,
    listeners: { 'quest.statusChanged': (fact) => integrations.onQuestMove(fact) },
  });
}
