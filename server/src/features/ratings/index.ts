import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import { feature } from '../module';
import { ratingsRoutes } from './routes';
import { createRatingsService } from './service';

export function ratingsFeature(infra: Infra, below: { areas: AreasService }) {
  const ratings = createRatingsService(infra, below);
  return feature('ratings', ratings, { routes: ratingsRoutes(ratings) });
}
