import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import { areasRoutes } from './routes';
import { createAreasService } from './service';
import { areaSocketHandlers } from './socket';

export function areasFeature(
  infra: Infra,
  below: { audit: AuditService; accounts: AccountsService },
) {
  const areas = createAreasService(infra, { audit: below.audit });
  return feature('areas', areas, {
    routes: areasRoutes(areas, below.audit),
    sockets: areaSocketHandlers(areas, below.accounts),
  });
}
