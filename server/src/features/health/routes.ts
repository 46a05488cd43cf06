import { ZHealthResponse } from '@govcraft/shared';
import { defineRoute, type AnyRouteSpec } from '../../http/route';
import type { HealthService } from './service';

export function healthRoutes(health: HealthService): AnyRouteSpec[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/health',
      summary: 'Database, Redis and queue status; 503 when one is down',
      tags: ['operations'],
      response: ZHealthResponse,
      errors: [503],
      access: { kind: 'public' },
      handler: async ({ res }) => {
        const report = await health.check();
        res.status(report.status === 'ok' ? 200 : 503).json(report);
        return report;
      },
    }),
  ];
}
