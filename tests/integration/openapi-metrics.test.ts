import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/harness';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every method+path Express actually serves, found by walking the router stack. */
function expressRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string') {
        for (const method of Object.keys(layer.route.methods))
          found.push(`${method} ${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

/** Routes that describe the API itself or the process, not the API. */
const NOT_DOCUMENTED = new Set(['get /api/openapi.json', 'get /api/docs', 'get /metrics']);

describe('OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      seed: false,
      env: { METRICS_TOKEN: 'a-metrics-token-for-tests' },
    });
  });
  afterAll(() => server?.close());

  it('is OpenAPI 3.1 and lists every route Express serves', async () => {
    const doc = await server
      .client()
      .get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
        '/api/openapi.json',
      );
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(doc.body.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    // Socket.IO adds its own request listener; the Express app is the one with a router.
    const app = server.handle
      .httpServer!.listeners('request')
      .find((l) => 'router' in l) as unknown as Express;
    const served = expressRoutes(app).filter((r) => !NOT_DOCUMENTED.has(r));
    expect(served.length).toBeGreaterThan(5);
    const missing = served.filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
  });

  it('documents request bodies and error answers', async () => {
    const doc = await server.client().get<{
      paths: Record<
        string,
        Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>
      >;
    }>('/api/openapi.json');
    const register = doc.body.paths['/api/auth/register']!.post!;
    expect(register.requestBody).toBeTruthy();
    expect(Object.keys(register.responses)).toEqual(
      expect.arrayContaining(['201', '400', '409', '429']),
    );
  });

  it('serves a readable docs page', async () => {
    const page = await server.client().get<string>('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('/api/openapi.json');
  });
});

describe('GET /metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      seed: false,
      env: { METRICS_TOKEN: 'a-metrics-token-for-tests' },
    });
  });
  afterAll(() => server?.close());

  it('needs the bearer token when one is configured', async () => {
    expect((await server.client().get('/metrics')).status).toBe(401);
  });

  it('reports request durations by route, queue depths and sockets', async () => {
    await server.client().get('/api/health');
    const res = await server
      .client()
      .get<string>('/metrics', { authorization: 'Bearer a-metrics-token-for-tests' });
    expect(res.status).toBe(200);
    expect(res.body).toMatch(
      /govcraft_http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/,
    );
    expect(res.body).toMatch(/govcraft_queue_jobs\{queue="verification",state="waiting"\} \d+/);
    expect(res.body).toContain('govcraft_sockets_connected');
    expect(res.body).toContain('process_cpu_seconds_total');
  });
});
