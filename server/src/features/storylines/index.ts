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
    // Storylines recount on every verified completion and unlock chapters once; a reopened
    // quest or reversed XP takes its completions back out of the count.
    listeners: {
      'evidence.decided': (facts) => storylines.onEvidenceDecided(facts),
      'quest.statusChanged': (fact) => storylines.onQuestStatusChanged(fact),
      'xp.reversed': (facts) => storylines.onXpReversed(facts),
    },
  });
}
