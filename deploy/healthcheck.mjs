// The image's HEALTHCHECK: asks this container's readiness endpoint. API nodes (ROLE=all or
// api) answer on PORT; worker nodes serve health on WORKER_HEALTH_PORT. Exit 0 when ready.
const role = process.env.ROLE ?? 'all';
const port =
  role === 'worker' ? (process.env.WORKER_HEALTH_PORT ?? '3001') : (process.env.PORT ?? '3000');
try {
  const answer = await fetch(`http://127.0.0.1:${port}/api/health/ready`, {
    signal: AbortSignal.timeout(4000),
  });
  process.exit(answer.ok ? 0 : 1);
} catch {
  process.exit(1);
}
