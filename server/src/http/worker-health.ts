/**
 * The small HTTP server of a worker-only node (ROLE=worker): an orchestrator's probes and a
 * Prometheus scrape need an address even where no API runs. It answers the same paths and
 * bodies as the API node: `/api/health/ready` (200, or 503 while draining), `/api/health`
 * (dependencies; 503 when one is down) and `/metrics` (bearer METRICS_TOKEN, or loopback
 * only when no token is set). Everything else is a 404.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Infra } from '../context';
import { createHealthService } from '../features/health/service';

type HealthInfra = Pick<
  Infra,
  'config' | 'database' | 'redis' | 'jobs' | 'lifecycle' | 'metrics' | 'logger'
>;

export interface WorkerHealthServer {
  /** e.g. http://127.0.0.1:3001 */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Sets the queue-depth gauges from BullMQ's counts, then renders every metric. */
export async function renderMetrics(infra: Pick<Infra, 'jobs' | 'metrics'>): Promise<string> {
  await Promise.all(
    infra.jobs.allQueues().map(async (q) => {
      const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      for (const [state, n] of Object.entries(counts)) {
        infra.metrics.queueDepth.set({ queue: q.name, state }, n);
      }
    }),
  );
  return infra.metrics.registry.metrics();
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function metricsRefusal(req: IncomingMessage, token: string | undefined): [number, string] | null {
  if (token) {
    return req.headers.authorization === `Bearer ${token}`
      ? null
      : [401, 'metrics need the bearer token'];
  }
  return LOOPBACK.has(req.socket.remoteAddress ?? '')
    ? null
    : [403, 'metrics are only served to loopback'];
}

/** Listens on WORKER_HEALTH_PORT (0: any free port) on HOST. */
export async function startWorkerHealthServer(infra: HealthInfra): Promise<WorkerHealthServer> {
  const health = createHealthService(infra);
  const server = createServer((req, res) => {
    void answer(req, res).catch((err: unknown) => {
      infra.logger.warn({ err, url: req.url }, 'worker health request failed');
      if (!res.headersSent)
        json(res, 503, { error: { code: 'unavailable', message: 'try again' } });
      else res.destroy();
    });
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://worker').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return json(res, 405, { error: { code: 'method_not_allowed', message: 'use GET' } });
    }
    if (pathname === '/api/health/ready') {
      const report = health.ready();
      return json(res, report.status === 'ready' ? 200 : 503, report);
    }
    if (pathname === '/api/health') {
      const report = await health.check();
      return json(res, report.status === 'ok' ? 200 : 503, report);
    }
    if (pathname === '/metrics') {
      const refusal = metricsRefusal(req, infra.config.METRICS_TOKEN);
      if (refusal) {
        const [status, message] = refusal;
        const code = status === 401 ? 'unauthenticated' : 'forbidden';
        return json(res, status, { error: { code, message } });
      }
      const body = await renderMetrics(infra);
      res.writeHead(200, { 'Content-Type': infra.metrics.registry.contentType });
      res.end(body);
      return;
    }
    return json(res, 404, { error: { code: 'not_found', message: 'no such path' } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(infra.config.WORKER_HEALTH_PORT, infra.config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = ['0.0.0.0', '::'].includes(infra.config.HOST) ? '127.0.0.1' : infra.config.HOST;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
