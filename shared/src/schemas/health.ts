import { z } from 'zod';

export const ZComponentHealth = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number().optional(),
  detail: z.string().optional(),
});

export const ZHealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  role: z.enum(['all', 'api', 'worker']),
  uptimeSeconds: z.number(),
  database: ZComponentHealth.extend({ kind: z.enum(['pglite', 'postgres']) }),
  redis: ZComponentHealth,
  queues: ZComponentHealth.extend({
    counts: z.record(z.string(), z.record(z.string(), z.number())).optional(),
  }),
});
export type HealthResponse = z.infer<typeof ZHealthResponse>;

/** Readiness for a load balancer: `draining` (with 503) once the node is shutting down. */
export const ZReadyResponse = z.object({ status: z.enum(['ready', 'draining']) });
export type ReadyResponse = z.infer<typeof ZReadyResponse>;
