import client from 'prom-client';

/** One Prometheus registry per server instance (tests start several in one process). */
export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const httpDuration = new client.Histogram({
    name: 'govcraft_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const queueDepth = new client.Gauge({
    name: 'govcraft_queue_jobs',
    help: 'BullMQ jobs by queue and state',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
  });
  const socketsConnected = new client.Gauge({
    name: 'govcraft_sockets_connected',
    help: 'Socket.IO clients connected to this node',
    registers: [registry],
  });
  const jobFailures = new client.Counter({
    name: 'govcraft_job_failures_total',
    help: 'BullMQ job attempts that failed, by queue',
    labelNames: ['queue'] as const,
    registers: [registry],
  });
  return { registry, httpDuration, queueDepth, socketsConnected, jobFailures };
}
export type Metrics = ReturnType<typeof createMetrics>;
