import { ZDashboard, ZOpenDataQuests, ZSlugParams } from '@govcraft/shared';
import type { Response } from 'express';
import { z } from 'zod';
import { defineRoute, type AnyRouteSpec } from '../../http/route';
import type { AreasService } from '../areas/service';
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
): AnyRouteSpec[] {
  const areaOfSlug = (p: { slug: string }) => areas.idOfSlug(p.slug);
  return [
    defineRoute({
      method: 'get',
      path: '/api/areas/:slug/dashboard',
      summary:
        'Officer dashboard: quests by status, weekly verified completions, active residents and teams, XP by superpower, social value estimate',
      tags: ['transparency'],
      params: ZSlugParams,
      response: ZDashboard,
      errors: [404],
      access: { kind: 'area', role: 'officer', areaOf: areaOfSlug },
      handler: ({ params }) => transparency.dashboard(params.slug),
    }),
    defineRoute({
      method: 'get',
      path: '/api/open-data/areas/:slug/quests.json',
      summary:
        "Open data: the area's public quests and their verified completions (no personal data)",
      tags: ['transparency'],
      params: ZSlugParams,
      response: ZOpenDataQuests,
      errors: [404],
      access: { kind: 'public' },
      handler: async ({ params, res }) => {
        const data = await transparency.openDataQuests(params.slug);
        allowAnyOrigin(res);
        return data;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/open-data/areas/:slug/quests.csv',
      summary: 'Open data: the same quests as CSV (text/csv, UTF-8)',
      tags: ['transparency'],
      params: ZSlugParams,
      response: z.string(),
      errors: [404],
      access: { kind: 'public' },
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
  ];
}
