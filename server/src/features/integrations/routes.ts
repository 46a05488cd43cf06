import { integrationsContracts as api } from '@govcraft/shared';
import { areaOfSlug, defineRoute, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { AreasService } from '../areas/service';
import type { IntegrationsService } from './service';

export function integrationsRoutes(
  integrations: IntegrationsService,
  areas: AreasService,
): AnyRouteSpec[] {
  const officer = areaOfSlug(areas, 'officer');
  const areaId = (slug: string) => areas.idOfSlug(slug);
  return [
    defineRoute(api.listIntegrations, {
      access: officer,
      handler: async ({ params }) => integrations.list(await areaId(params.slug)),
    }),
    defineRoute(api.createIntegration, {
      access: officer,
      rateLimit: 'write',
      handler: async ({ params, body, actor }) =>
        integrations.create(userIdOf(actor), await areaId(params.slug), body),
    }),
    defineRoute(api.pollIntegration, {
      access: officer,
      rateLimit: 'write',
      handler: async ({ params }) =>
        integrations.pollNow(await areaId(params.slug), params.integrationId),
    }),
    defineRoute(api.importIntegrationCsv, {
      access: officer,
      rateLimit: 'write',
      handler: async ({ params, body }) =>
        integrations.importCsv(await areaId(params.slug), params.integrationId, body.csv),
    }),
    defineRoute(api.listIntegrationLinks, {
      access: officer,
      handler: async ({ params }) =>
        integrations.links(await areaId(params.slug), params.integrationId),
    }),
    defineRoute(api.listIntegrationPushes, {
      access: officer,
      handler: async ({ params }) =>
        integrations.pushes(await areaId(params.slug), params.integrationId),
    }),
    defineRoute(api.retryIntegrationPush, {
      access: officer,
      rateLimit: 'write',
      handler: async ({ params }) =>
        integrations.retryPush(await areaId(params.slug), params.pushId),
    }),
  ];
}
