/**
 * A worker-only node (ROLE=worker) serves no API, yet probes and Prometheus need an address:
 * it answers readiness, health and metrics on WORKER_HEALTH_PORT, metrics behind the same
 * bearer token as the API's, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';

const TOKEN = 'worker-metrics-token-0123456789';

describe('a worker node', () => {
  const suite = useTestServer({
    seed: false,
    env: { ROLE: 'worker', WORKER_HEALTH_PORT: '0', METRICS_TOKEN: TOKEN },
  });
  const at = (path: string, init?: RequestInit) =>
    fetch(`${suite.server.handle.healthUrl}${path}`, init);

  it('listens for health only, not for the API', () => {
    expect(suite.server.handle.httpServer).toBeNull();
    expect(suite.server.handle.healthUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers readiness and dependency health like an API node', async () => {
    const ready = await at('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    const health = await at('/api/health');
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      role: 'worker',
      database: { status: 'up' },
      redis: { status: 'up' },
    });
  });

  it('serves queue metrics to the bearer of METRICS_TOKEN only', async () => {
    expect((await at('/metrics')).status).toBe(401);
    expect((await at('/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const metrics = await at('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/text\/plain/);
    expect(await metrics.text()).toMatch(
      /govcraft_queue_jobs\{queue="verification",state="waiting"\}/,
    );
  });

  it('answers 404 for API paths and 405 for writes', async () => {
    expect((await at('/api/areas')).status).toBe(404);
    expect((await at('/api/health/ready', { method: 'POST' })).status).toBe(405);
  });
});
