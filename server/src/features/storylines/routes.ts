import {
  ZCreateStorylineRequest,
  ZSlugParams,
  ZStoryline,
  ZStorylineList,
  ZStorylineParams,
} from '@govcraft/shared';
import { defineRoute, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { AreasService } from '../areas/service';
import type { StorylinesService } from './service';

export function storylinesRoutes(
  storylines: StorylinesService,
  areas: AreasService,
): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/areas/:slug/storylines',
      summary: "The area's storylines with their communal progress",
      tags: ['storylines'],
      params: ZSlugParams,
      response: ZStorylineList,
      access: { kind: 'public' },
      handler: async ({ params }) => ({ items: await storylines.list(params.slug) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/storylines/:storylineId',
      summary: 'One storyline; locked chapters show only title and threshold',
      tags: ['storylines'],
      params: ZStorylineParams,
      response: ZStoryline,
      access: { kind: 'public' },
      handler: ({ params }) => storylines.get(params.storylineId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/areas/:slug/storylines',
      summary: 'Start a storyline with its goal and chapters (officers)',
      tags: ['storylines'],
      params: ZSlugParams,
      body: ZCreateStorylineRequest,
      status: 201,
      response: ZStoryline,
      access: { kind: 'area', role: 'officer', areaOf: (p) => areas.idOfSlug(p.slug) },
      rateLimit: 'write',
      handler: ({ actor, params, body }) => storylines.create(userIdOf(actor), params.slug, body),
    }),
  ];
}
