import type { Infra } from '../context';
import { feature } from '../features/module';
import { adminRoutes } from './routes';
import { createAdminService } from './service';

/** The operator's routes: platform admins, first-admin set-up links, backups. */
export function adminFeature(infra: Infra) {
  const admin = createAdminService(infra);
  return feature('admin', admin, { routes: adminRoutes(infra, admin) });
}
