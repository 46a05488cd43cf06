import express from 'express';
import { integrationsContracts, open311Contracts as api } from '@govcraft/shared';
import type { Logger } from '../../lib/logger';
import { areaOfSlug, defineRoute, PUBLIC, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { AreasService } from '../areas/service';
import { serviceDefinition, serviceList, isServiceCode } from './catalogue';
import type { Open311Service } from './service';
import { open311ErrorHandler, sendOpen311 } from './wire';
import { notFound } from '../../lib/errors';

const REQUESTS = { root: 'service_requests', item: 'request' };
const UPDATES = { root: 'service_request_updates', item: 'request_update' };

/** Open311 clients post forms; `attribute[code]=…` needs the extended parser. */
const formBody = express.urlencoded({ extended: true, limit: '200kb', parameterLimit: 200 });

export function open311Routes(
  open311: Open311Service,
  areas: AreasService,
  logger: Logger,
  publicUrl: string | undefined,
): AnyRouteSpec[] {
  const spec = { access: PUBLIC, onError: open311ErrorHandler(logger) } as const;
  const officer = areaOfSlug(areas, 'officer');
  return [
    defineRoute(api.open311Discovery, {
      ...spec,
      handler: async ({ params, req, res }) => {
        const base = publicUrl ?? `${req.protocol}://${req.get('host')}`;
        return sendOpen311(
          res,
          params.format,
          { root: 'discovery' },
          {
            changeset: '2026-01-01T00:00:00Z',
            contact: `${base}/api/docs`,
            key_service: `Ask an officer of your area for an API key (GovCraft console, Integrations).`,
            endpoints: [
              {
                specification: 'http://wiki.open311.org/GeoReport_v2',
                url: `${base}/open311/v2`,
                changeset: '2026-01-01T00:00:00Z',
                type: 'production',
                formats: ['text/xml', 'application/json'],
              },
            ],
          },
        );
      },
    }),
    defineRoute(api.open311Services, {
      ...spec,
      handler: async ({ params, query, res }) => {
        const area = await open311.jurisdiction(query.jurisdiction_id);
        return sendOpen311(
          res,
          params.format,
          { root: 'services', item: 'service' },
          serviceList(area.slug),
        );
      },
    }),
    defineRoute(api.open311ServiceDefinition, {
      ...spec,
      handler: async ({ params, query, res }) => {
        await open311.jurisdiction(query.jurisdiction_id);
        if (!isServiceCode(params.serviceCode))
          throw notFound(`service_code ${params.serviceCode}`);
        return sendOpen311(
          res,
          params.format,
          { root: 'service_definition' },
          serviceDefinition(params.serviceCode),
        );
      },
    }),
    defineRoute(api.open311Requests, {
      ...spec,
      handler: async ({ params, query, res }) => {
        const area = await open311.jurisdiction(query.jurisdiction_id);
        return sendOpen311(
          res,
          params.format,
          REQUESTS,
          await open311.requests.search(area, query),
        );
      },
    }),
    defineRoute(api.open311Request, {
      ...spec,
      handler: async ({ params, query, res }) => {
        const area = await open311.jurisdiction(query.jurisdiction_id);
        return sendOpen311(
          res,
          params.format,
          REQUESTS,
          await open311.requests.one(area, params.serviceRequestId),
        );
      },
    }),
    defineRoute(api.open311CreateRequest, {
      ...spec,
      rateLimit: 'write',
      before: [formBody],
      handler: async ({ params, body, res }) => {
        const area = await open311.jurisdiction(body.jurisdiction_id);
        const key = await open311.keys.check(area.id, body.api_key);
        return sendOpen311(
          res,
          params.format,
          REQUESTS,
          await open311.requests.create(area, key.id, body),
        );
      },
    }),
    defineRoute(api.open311Token, {
      ...spec,
      handler: async ({ params, query, res }) => {
        const area = await open311.jurisdiction(query.jurisdiction_id);
        return sendOpen311(
          res,
          params.format,
          REQUESTS,
          await open311.requests.byToken(area, params.token),
        );
      },
    }),
    defineRoute(api.open311Updates, {
      ...spec,
      handler: async ({ params, query, res }) => {
        const area = await open311.jurisdiction(query.jurisdiction_id);
        return sendOpen311(res, params.format, UPDATES, await open311.updates.list(area, query));
      },
    }),
    defineRoute(api.open311PostUpdate, {
      ...spec,
      rateLimit: 'write',
      before: [formBody],
      handler: async ({ params, body, res }) => {
        const area = await open311.jurisdiction(body.jurisdiction_id);
        await open311.keys.check(area.id, body.api_key);
        return sendOpen311(res, params.format, UPDATES, await open311.updates.post(area, body));
      },
    }),
    defineRoute(integrationsContracts.listOpen311ApiKeys, {
      access: officer,
      handler: async ({ params }) => open311.keys.list(await areas.idOfSlug(params.slug)),
    }),
    defineRoute(integrationsContracts.issueOpen311ApiKey, {
      access: officer,
      rateLimit: 'write',
      handler: async ({ params, body, actor }) =>
        open311.keys.issue(userIdOf(actor), await areas.idOfSlug(params.slug), body.organisation),
    }),
    defineRoute(integrationsContracts.revokeOpen311ApiKey, {
      access: officer,
      rateLimit: 'write',
      handler: async ({ params, actor }) =>
        open311.keys.revoke(userIdOf(actor), await areas.idOfSlug(params.slug), params.keyId),
    }),
  ];
}
