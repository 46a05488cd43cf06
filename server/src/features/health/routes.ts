import { healthContracts as api } from '@govcraft/shared';
import { defineRoute, PUBLIC, type AnyRouteSpec } from '../../http/route';
import type { HealthService } from './service';

export function healthRoutes(health: HealthService): AnyRouteSpec[] {
  return [
    defineRoute(api.getHealth, {
      access: PUBLIC,
      handler: async ({ res }) => {
        const report = await health.check();
        res.status(report.status === 'ok' ? 200 : 503).json(report);
        return report;
      },
    }),
    defineRoute(api.getReady, {
      access: PUBLIC,
      handler: async ({ res }) => {
        const report = health.ready();
        res.status(report.status === 'ready' ? 200 : 503).json(report);
        return report;
      },
    }),
  ];
}
