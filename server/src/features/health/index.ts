import type { Infra } from '../../context';
import { feature } from '../module';
import { healthRoutes } from './routes';
import { createHealthService } from './service';

export function healthFeature(infra: Infra) {
  const health = createHealthService(infra);
  return feature('health', health, { routes: healthRoutes(health) });
}
