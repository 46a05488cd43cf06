import type { HealthResponse, ReadyResponse } from '@govcraft/shared';
import type { Infra } from '../../context';

const VERSION = process.env.npm_package_version ?? '0.1.0';

async function timed(fn: () => Promise<unknown>, timeoutMs = 2000) {
  const started = performance.now();
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs).unref(),
      ),
    ]);
    return {
      status: 'up' as const,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    };
  } catch (err) {
    return { status: 'down' as const, detail: err instanceof Error ? err.message : String(err) };
  }
}

export function createHealthService(
  infra: Pick<Infra, 'database' | 'redis' | 'jobs' | 'config' | 'lifecycle'>,
) {
  const startedAt = Date.now();
  return {
    /** Only whether to send this node new work; dependencies are `check()`'s business. */
    ready(): ReadyResponse {
      return { status: infra.lifecycle.draining ? 'draining' : 'ready' };
    },
    async check(): Promise<HealthResponse> {
      let counts: Record<string, Record<string, number>> = {};
      const [database, redis, queues] = await Promise.all([
        timed(() => infra.database.ping()),
        timed(() => infra.redis.ping()),
        timed(async () => {
          const entries = await Promise.all(
            infra.jobs
              .allQueues()
              .map(
                async (q) =>
                  [q.name, await q.getJobCounts('waiting', 'active', 'delayed', 'failed')] as const,
              ),
          );
          counts = Object.fromEntries(entries);
        }),
      ]);
      const allUp = database.status === 'up' && redis.status === 'up' && queues.status === 'up';
      return {
        status: allUp ? 'ok' : 'degraded',
        version: VERSION,
        role: infra.config.ROLE,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        database: { ...database, kind: infra.database.kind },
        redis,
        queues: { ...queues, ...(queues.status === 'up' ? { counts } : {}) },
      };
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
