import type { Infra } from '../../context';
import { feature } from '../module';
import { myProgressRoutes } from './routes';
import { createProgressService } from './service';

/**
 * The XP ledger and what is derived from it. Its public-profile route needs a display name
 * from accounts, which sits above progress, so the accounts feature mounts it; the caller's
 * own progress (with XP taken back and why) is served here.
 */
export function progressFeature(infra: Infra) {
  const progress = createProgressService(infra);
  return feature('progress', progress, { routes: myProgressRoutes(progress) });
}
