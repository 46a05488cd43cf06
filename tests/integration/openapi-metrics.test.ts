import type { Express } from 'express';
import { ALL_CONTRACTS } from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';

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

/** No demo data: these tests read the document and the metrics, nothing in an area. */
const METRICS_SERVER = { seed: false, env: { METRICS_TOKEN: 'a-metrics-token-for-tests' } };

/** Routes that describe the API itself or the process, not the API. */
const NOT_DOCUMENTED = new Set([
  'get /api/openapi.json',
  'get /api/docs',
  'get /api/docs.js',
  'get /metrics',
  // The first admin's set-up page and its script: a page for people, posting to a documented route.
  'get /admin/setup',
  'get /admin/setup.js',
]);

describe('OpenAPI document', () => {
  const suite = useTestServer(METRICS_SERVER);

  it('is OpenAPI 3.1 and lists every route Express serves', async () => {
    const doc = await suite.server
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
    const app = suite.server.handle
      .httpServer!.listeners('request')
      .find((l) => 'router' in l) as unknown as Express;
    const served = expressRoutes(app).filter((r) => !NOT_DOCUMENTED.has(r));
    expect(served.length).toBeGreaterThan(5);
    const missing = served.filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
  });

  it('documents request bodies and error answers', async () => {
    const doc = await suite.server.client().get<{
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

  it('names every operation once, as its shared contract does', async () => {
    const doc = await suite.server
      .client()
      .get<{ paths: Record<string, Record<string, { operationId?: string }>> }>(
        '/api/openapi.json',
      );
    const ids = Object.values(doc.body.paths).flatMap((ops) =>
      Object.values(ops).map((op) => op.operationId),
    );
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ALL_CONTRACTS.map((c) => c.operationId).sort());
  });

  it('writes shared shapes once, as components, and refers to them', async () => {
    const res = await fetch(`${suite.server.url}/api/openapi.json`);
    const text = await res.text();
    const doc = JSON.parse(text) as {
      components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Quest', 'Evidence', 'MeResponse', 'ErrorResponse', 'Superpower']),
    );
    const getQuest = doc.paths['/api/quests/{questId}']!.get!.responses;
    expect(getQuest['200']).toEqual({
      description: 'Success',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Quest' } } },
    });
    expect(getQuest['400']).toEqual({ $ref: '#/components/responses/Error400' });
    expect(doc.components.responses['Error400']).toBeTruthy();
    // Inlining every schema at each use made the document about 2,400 characters per
    // operation; with shared components it is about 1,400. The bound grows with the API.
    const operations = Object.values(doc.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
    expect(text.length / operations).toBeLessThan(1_800);
  });

  it('lists what each operation can answer', async () => {
    interface Operation {
      operationId: string;
      security?: unknown[];
      parameters?: { in: string }[];
      responses: Record<string, { content?: Record<string, unknown> }>;
    }
    const doc = await suite.server
      .client()
      .get<{ paths: Record<string, Record<string, Operation>> }>('/api/openapi.json');
    const operations = Object.entries(doc.body.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method, op })),
    );
    const lacking = (code: string, needs: (o: (typeof operations)[number]) => boolean) =>
      operations.filter((o) => needs(o) && !(code in o.op.responses)).map((o) => o.op.operationId);
    // A path parameter can name something that does not exist.
    const withPathParams = (o: (typeof operations)[number]) => o.path.includes('{');
    expect(operations.filter(withPathParams).length).toBeGreaterThan(20);
    expect(lacking('404', withPathParams)).toEqual([]);
    expect(lacking('401', (o) => o.op.security !== undefined)).toEqual([]);
    expect(lacking('503', () => true)).toEqual([]);
    expect(lacking('403', (o) => o.method !== 'get')).toEqual([]);
    // Bytes, not JSON, where the route sends a file.
    const csv = doc.body.paths['/api/open-data/areas/{slug}/quests.csv']!.get!;
    expect(Object.keys(csv.responses['200']!.content!)).toEqual(['text/csv']);
    const photo = doc.body.paths['/api/evidence/{evidenceId}/photo']!.get!;
    expect(Object.keys(photo.responses['200']!.content!)).toEqual(['image/jpeg']);
  });

  it('serves a readable docs page', async () => {
    const page = await suite.server.client().get<string>('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.body).toContain('/api/openapi.json');
    // The page's script is a file, so the CSP needs no inline scripts.
    expect(page.body).not.toMatch(/<script>/);
    const script = await suite.server.client().get<string>('/api/docs.js');
    expect(script.headers.get('content-type')).toContain('javascript');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
  });
});

describe('GET /metrics', () => {
  const suite = useTestServer(METRICS_SERVER);

  it('needs the bearer token when one is configured', async () => {
    expect((await suite.server.client().get('/metrics')).status).toBe(401);
  });

  it('reports request durations by route, queue depths and sockets', async () => {
    await suite.server.client().get('/api/health');
    const res = await suite.server
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
