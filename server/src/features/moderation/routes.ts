import { moderationContracts as api } from '@govcraft/shared';
import { areaOfSlug, defineRoute, SIGNED_IN, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { AreasService } from '../areas/service';
import type { ModerationService } from './service';

export function moderationRoutes(
  moderation: ModerationService,
  areas: Pick<AreasService, 'idOfSlug'>,
): AnyRouteSpec[] {
  const moderatorOfSlug = areaOfSlug(areas, 'moderator');
  return [
    defineRoute(api.reportContent, {
      access: SIGNED_IN,
      rateLimit: 'write',
      handler: ({ actor, body }) => moderation.report(userIdOf(actor), body),
    }),
    defineRoute(api.listReports, {
      access: moderatorOfSlug,
      handler: ({ params, query }) => moderation.queue(params.slug, query.status),
    }),
    defineRoute(api.decideReport, {
      access: moderatorOfSlug,
      rateLimit: 'write',
      handler: ({ actor, params, body }) => moderation.decide(userIdOf(actor), params.slug, body),
    }),
  ];
}
