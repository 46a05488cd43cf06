import { ratingsContracts as api } from '@govcraft/shared';
import { defineRoute, PUBLIC, SIGNED_IN, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { RatingsService } from './service';

export function ratingsRoutes(ratings: RatingsService): AnyRouteSpec[] {
  return [
    defineRoute(api.getQuestRatings, {
      access: PUBLIC,
      handler: ({ actor, params }) => ratings.forQuest(params.questId, actor?.userId ?? null),
    }),
    defineRoute(api.rateQuest, {
      access: SIGNED_IN,
      rateLimit: 'write',
      handler: ({ actor, params, body }) => ratings.rate(userIdOf(actor), params.questId, body),
    }),
    defineRoute(api.getOpenDataRatings, {
      access: PUBLIC,
      handler: async ({ params, res }) => {
        const data = await ratings.forArea(params.slug);
        // Open data: fetchable from anywhere, like the other open-data routes.
        res.set('Access-Control-Allow-Origin', '*');
        res.set('Cross-Origin-Resource-Policy', 'cross-origin');
        res.set('Cache-Control', 'public, max-age=300');
        return data;
      },
    }),
  ];
}
