import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import { storylinesRoutes } from './routes';
import { createStorylinesService } from './service';

export function storylinesFeature(
  infra: Infra,
  below: { areas: AreasService; audit: AuditService },
) {
  const storylines = createStorylinesService(infra, below);
  return feature('storylines', storylines, {
    routes: storylinesRoutes(storylines, below.areas),
    // Storylines recount on every verified completion and unlock chapters once.
    listeners: { 'evidence.decided': (facts) => storylines.onEvidenceDecided(facts) },
  });
}
