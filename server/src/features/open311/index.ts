import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import type { QuestsService } from '../quests/service';
import { open311Routes } from './routes';
import { createOpen311Service } from './service';

/** GovCraft as an Open311 GeoReport v2 server (with the updates extension). */
export function open311Feature(
  infra: Infra,
  below: { areas: AreasService; audit: AuditService; quests: QuestsService },
) {
  const open311 = createOpen311Service(infra, below);
  return feature('open311', open311, {
    routes: open311Routes(open311, below.areas, infra.logger, infra.config.PUBLIC_URL),
    listeners: { 'quest.statusChanged': (fact) => open311.updates.recordQuestMove(fact) },
  });
}
