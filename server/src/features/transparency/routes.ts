import { auditContracts, transparencyContracts as api } from '@govcraft/shared';
import type { Response } from 'express';
import { areaOfSlug, defineRoute, PUBLIC, type AnyRouteSpec } from '../../http/route';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { TransparencyService } from './service';

/** Open data is meant to be fetched from anywhere (dashboards, journalists, other councils). */
function allowAnyOrigin(res: Response): void {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Cross-Origin-Resource-Policy', 'cross-origin');
  res.set('Cache-Control', 'public, max-age=300');
}

export function transparencyRoutes(
  transparency: TransparencyService,
  areas: AreasService,
  audit: Pick<AuditService, 'publicPage'>,
): AnyRouteSpec[] {
  return [
    defineRoute(api.getDashboard, {
      access: areaOfSlug(areas, 'officer'),
      handler: ({ params }) => transparency.dashboard(params.slug),
    }),
    defineRoute(api.getOpenDataQuests, {
      access: PUBLIC,
      handler: async ({ params, res }) => {
        const data = await transparency.openDataQuests(params.slug);
        allowAnyOrigin(res);
        return data;
      },
    }),
    defineRoute(api.getOpenDataQuestsCsv, {
      access: PUBLIC,
      handler: async ({ params, res }) => {
        const csv = await transparency.openDataQuestsCsv(params.slug);
        allowAnyOrigin(res);
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .attachment(`${params.slug}-quests.csv`)
          .send(csv);
        return csv;
      },
    }),
    defineRoute(api.getOpenDataQuestsGeoJson, {
      access: PUBLIC,
      handler: async ({ params, res }) => {
        const collection = await transparency.questsGeoJson(params.slug);
        allowAnyOrigin(res);
        res.status(200).type('application/geo+json').send(JSON.stringify(collection));
        return collection;
      },
    }),
    defineRoute(auditContracts.getPublicAuditLog, {
      access: PUBLIC,
      handler: async ({ params, query, res }) => {
        const area = await areas.bySlug(params.slug);
        const page = await audit.publicPage(area, query.cursor, query.limit);
        allowAnyOrigin(res);
        // A page of the live log changes as soon as anything happens; only the CORS part applies.
        res.set('Cache-Control', 'no-cache');
        return page;
      },
    }),
  ];
}
