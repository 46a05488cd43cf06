/**
 * Composition root: config → database → redis → services → app → realtime → workers.
 * `main.ts` calls this with the process's config; tests call it with their own.
 *
 * `close()` drains before it closes: readiness turns 503, the server stops accepting and
 * answers with `Connection: close`, accepted requests and running jobs get up to the grace
 * period; then sockets, queues, Redis and the database pool close, in that order.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import { createApp } from './app';
import type { Config } from './config';
import type { Infra } from './context';
import { openDatabase } from './db/client';
import { createSessionMiddleware } from './features/accounts/session';
import { handshakeOriginCheck } from './http/csrf';
import { trackRequests } from './http/drain';
import { startWorkerHealthServer } from './http/worker-health';
import { JobRegistry } from './jobs/registry';
import { systemClock, type Clock } from './lib/clock';
import { DomainEvents } from './lib/domain-events';
import { createLifecycle } from './lib/lifecycle';
import { createLogger, type Logger } from './lib/logger';
import { createMetrics } from './lib/metrics';
import { attachGateway } from './realtime/gateway';
import { createRealtimeServer } from './realtime/server';
import { connectRedis } from './redis/connection';
import { startPrivateRedis, type PrivateRedis } from './redis/private-redis';
import { seedDemo } from './seed/seed';
import { refusePublishedDemoPasswords } from './seed/production-guard';
import { announceFirstAdmin, claimDataDir } from './admin/startup';
import {
  allJobs,
  allRoutes,
  createServices,
  socketHandlers,
  wireDomainEvents,
  type Services,
} from './services';

export interface GovcraftHandle {
  config: Config;
  infra: Infra;
  services: Services;
  /** Base URL when the api role listens; null for worker-only nodes. */
  url: string | null;
  /** Where this node listens, e.g. http://127.0.0.1:3000 (differs from url behind a proxy). */
  localUrl: string | null;
  port: number | null;
  httpServer: HttpServer | null;
  /** ADMIN_EMAIL's one-time set-up link, while that admin has no password; else null. */
  firstAdminLink: string | null;
  /** Worker-only nodes: where health and metrics are served (WORKER_HEALTH_PORT). */
  healthUrl: string | null;
  close(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Milliseconds accepted requests and running jobs get to finish on shutdown. */
  shutdownGraceMs?: number;
}

export async function startGovcraft(
  config: Config,
  options: StartOptions = {},
): Promise<GovcraftHandle> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const cleanups: (() => Promise<unknown>)[] = [];
  const graceMs = options.shutdownGraceMs ?? config.SHUTDOWN_GRACE_MS;
  const lifecycle = createLifecycle();
  let closing: Promise<void> | null = null;
  // Every step is bounded: with Redis or the database already gone, a client's close() can
  // wait forever, and a shutdown that never ends is worse than one that skips a step.
  const close = () =>
    (closing ??= (async () => {
      for (const cleanup of cleanups.reverse()) {
        const started = Date.now();
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            logger.warn({ afterMs: graceMs + 5_000 }, 'shutdown step timed out; skipping it');
            resolve();
          }, graceMs + 5_000);
        });
        await Promise.race([
          cleanup().catch((err: unknown) => logger.warn({ err }, 'shutdown step failed')),
          timeout,
        ]);
        clearTimeout(timer);
        logger.debug({ ms: Date.now() - started }, 'shutdown step done');
      }
    })());
  try {
    // First taken, last let go: nothing embedded in DATA_DIR opens before it is ours.
    const claim = await claimDataDir(config, logger);
    if (claim) cleanups.push(() => claim.release());
    let privateRedis: PrivateRedis | null = null;
    if (!config.REDIS_URL) {
      privateRedis = await startPrivateRedis(config.DATA_DIR, (pid) =>
        logger.warn({ pid }, 'stopped a redis-server left running by an earlier run'),
      );
      const redisToStop = privateRedis;
      cleanups.push(() => redisToStop.stop());
      logger.info({ port: privateRedis.port }, 'started private redis-server');
    }
    const redisUrl = config.REDIS_URL ?? privateRedis!.url;

    const database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      pgliteDir: path.join(config.DATA_DIR, 'pg'),
      // A ceiling, not an allocation: pg opens connections on demand. Verification commits
      // its jobs in groups and needs two; other jobs and HTTP requests share the rest.
      poolSize: Math.min(config.WORKER_CONCURRENCY, 24) + 8,
    });
    cleanups.push(() => database.close());

    const redis = connectRedis(redisUrl);
    cleanups.push(async () => redis.disconnect());
    const jobs = new JobRegistry({ redisUrl, prefix: config.REDIS_PREFIX, logger });
    // Workers were stopped by the drain step; requests answered during it could still enqueue.
    cleanups.push(() => jobs.closeQueues());

    const runsApi = config.ROLE !== 'worker';
    const runsWorkers = config.ROLE !== 'api';
    const sessionMiddleware = createSessionMiddleware(config, redis, config.REDIS_PREFIX);
    const httpServer = runsApi ? createServer() : null;
    const httpDrain = httpServer ? trackRequests(httpServer) : null;
    // The adapter's own connection, so its stream appends pipeline apart from requests.
    const adapterRedis = connectRedis(redisUrl, 'broadcast');
    cleanups.push(async () => adapterRedis.disconnect());
    const handshakeOrigins = handshakeOriginCheck(config.PUBLIC_URL, config.TRUST_PROXY);
    const io = createRealtimeServer({
      redis: adapterRedis,
      prefix: config.REDIS_PREFIX,
      ...(httpServer ? { httpServer, sessionMiddleware, allowRequest: handshakeOrigins } : {}),
    });
    cleanups.push(async () => {
      // io.close() also closes the engine, which only exists on nodes with an HTTP server;
      // a worker's io has just the adapter to stop. Its callback waits for the HTTP server to
      // close, so whatever connection outlived the drain is closed alongside.
      if (!httpDrain) return io.of('/').adapter.close();
      const ioClosed = io.close();
      await httpDrain.closeAll();
      await ioClosed;
    });

    const infra: Infra = {
      config,
      logger,
      clock: options.clock ?? systemClock,
      database,
      db: database.db,
      redis,
      redisUrl,
      key: (...parts) => [config.REDIS_PREFIX, ...parts].join(':'),
      jobs,
      io,
      lifecycle,
      metrics: createMetrics(),
      events: new DomainEvents(logger),
    };
    const services = createServices(infra);
    wireDomainEvents(infra, services);

    if (config.SEED && runsApi) await seedDemo(infra, services);
    else if (config.production && runsApi) await refusePublishedDemoPasswords(infra.db);

    let url: string | null = null;
    let firstAdminLink: string | null = null;
    let localUrl: string | null = null;
    let port: number | null = null;
    if (httpServer) {
      const routes = allRoutes(services);
      const adminToken = claim?.adminToken ?? null;
      const app = createApp({ infra, services, routes, sessionMiddleware, adminToken });
      httpServer.on('request', app);
      attachGateway(infra, socketHandlers(services));
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.PORT, config.HOST, () => resolve());
      });
      const address = httpServer.address();
      port = typeof address === 'object' && address ? address.port : config.PORT;
      const shownHost =
        config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
      localUrl = `http://${shownHost}:${port}`;
      url = config.PUBLIC_URL ?? localUrl;
      claim?.recordUrls(localUrl, config.PUBLIC_URL ?? null);
      firstAdminLink = await announceFirstAdmin(config, services.admin, url, logger);
    }
    if (runsWorkers) {
      jobs.startWorkers(allJobs(services), config.WORKER_CONCURRENCY);
      await jobs.scheduleRepeating(allJobs(services));
    }
    let healthUrl: string | null = null;
    if (!runsApi) {
      // Closed after the drain below, so probes see 503 while jobs finish.
      const healthServer = await startWorkerHealthServer(infra);
      cleanups.push(() => healthServer.close());
      healthUrl = healthServer.url;
    }
    // Runs first on close: requests and jobs already accepted finish before anything closes.
    cleanups.push(async () => {
      lifecycle.startDraining();
      const [report] = await Promise.all([httpDrain?.drain(graceMs), jobs.stopWorkers(graceMs)]);
      if (report) {
        const level = report.cutOff > 0 ? 'warn' : 'info';
        logger[level]({ ...report, graceMs }, 'drained');
      }
    });

    return {
      config,
      infra,
      services,
      url,
      localUrl,
      port,
      httpServer,
      healthUrl,
      firstAdminLink,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}
