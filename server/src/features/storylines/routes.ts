import { storylinesContracts as api } from '@govcraft/shared';
import { areaOfSlug, defineRoute, PUBLIC, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { AreasService } from '../areas/service';
import type { StorylinesService } from './service';

export function storylinesRoutes(
  storylines: StorylinesService,
  areas: AreasService,
): AnyRouteSpec[] {
  return [
    defineRoute(api.listStorylines, {
      access: PUBLIC,
      handler: async ({ params }) => ({ items: await storylines.list(params.slug) }),
    }),
    defineRoute(api.getStoryline, {
      access: PUBLIC,
      handler: ({ params }) => storylines.get(params.storylineId),
    }),
    defineRoute(api.createStoryline, {
      access: areaOfSlug(areas, 'officer'),
      rateLimit: 'write',
      handler: ({ actor, params, body }) => storylines.create(userIdOf(actor), params.slug, body),
    }),
  ];
}
