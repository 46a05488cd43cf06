/**
 * The Express application, built without listening so tests can drive it directly.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import compression from 'compression';
import express, { type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Infra } from './context';
import {
  sessionOnlyWhenPresent,
  sessionOutageOf,
  toleratingSessionOutage,
} from './features/accounts/session';
import { originCheck } from './http/csrf';
import { errorHandler, notFoundHandler } from './http/error-handler';
import { noStoreWhenSignedIn } from './http/headers';
import { staticClient } from './http/static-client';
import { DOCS_HTML, DOCS_SCRIPT } from './http/docs-page';
import { buildOpenApiDocument } from './http/openapi';
import { adminTokenCheck } from './http/admin-token-access';
import { mountAdminSetupPage } from './admin/setup-page';
import { mountRoute, type AnyRouteSpec, type RouteRuntime } from './http/route';
import { AppError } from './lib/errors';
import type { Services } from './services';

export const API_VERSION = '0.1.0';

export interface CreateAppOptions {
  infra: Infra;
  services: Services;
  routes: AnyRouteSpec[];
  sessionMiddleware: RequestHandler;
  /** The admin commands' bearer token for this start (admin/admin-token.ts); null: none. */
  adminToken?: string | null;
}

function routeRuntime(services: Services): RouteRuntime {
  return {
    async authenticate(req) {
      const outage = sessionOutageOf(req);
      if (outage) throw outage;
      const userId = req.session?.userId;
      if (!userId) return null;
      return services.accounts.actorFor(userId);
    },
    authorise: (actor, role, areaId) => services.accounts.authorise(actor, role, areaId),
    rateLimit: (name, req, actor) => services.rateLimits.forRoute(name, req, actor),
  };
}

function metricsGuard(token: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (token) {
      return req.get('authorization') === `Bearer ${token}`
        ? next()
        : next(new AppError('unauthenticated', 'metrics need the bearer token'));
    }
    // Without a token, only the machine itself may scrape.
    const ip = req.socket.remoteAddress ?? '';
    const loopback = ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
    return loopback
      ? next()
      : next(new AppError('forbidden', 'metrics are only served to loopback'));
  };
}

export function createApp({
  infra,
  services,
  routes,
  sessionMiddleware,
  adminToken = null,
}: CreateAppOptions): express.Express {
  const { config, logger, metrics } = infra;
  const app = express();
  // Socket.IO's engine answers its own path on the same HTTP server (polling transport);
  // Express leaves those requests alone instead of answering 404 beside it.
  app.use('/socket.io/', () => {});
  app.disable('x-powered-by');
  // Only the proxies named in TRUST_PROXY may set req.ip and req.protocol by header.
  app.set('trust proxy', config.TRUST_PROXY);
  app.set('query parser', 'extended');

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: {
        ignore: (req) => ['/api/health', '/api/health/ready', '/metrics'].includes(req.url ?? ''),
      },
      quietReqLogger: true,
      // The client's address as rate limits see it (behind TRUST_PROXY, not the proxy's).
      customProps: (req) => ({ clientIp: (req as express.Request).ip }),
    }),
  );
  app.use((req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'img-src': [
            "'self'",
            'data:',
            'blob:',
            ...(config.TILE_URL ? [new URL(config.TILE_URL.replace(/[{}]/g, '')).origin] : []),
          ],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'worker-src': ["'self'", 'blob:'],
          'frame-ancestors': ["'none'"],
        },
      },
      strictTransportSecurity: config.secureCookies,
      xFrameOptions: { action: 'deny' },
    }),
  );

  // Residents are on phones: the map bundle shrinks about 4× with gzip.
  app.use(compression());

  app.get('/metrics', metricsGuard(config.METRICS_TOKEN), async (_req, res, next) => {
    try {
      await Promise.all(
        infra.jobs.allQueues().map(async (q) => {
          const counts = await q.getJobCounts(
            'waiting',
            'active',
            'delayed',
            'failed',
            'completed',
          );
          for (const [state, n] of Object.entries(counts))
            metrics.queueDepth.set({ queue: q.name, state }, n);
        }),
      );
      res.setHeader('Content-Type', metrics.registry.contentType);
      res.send(await metrics.registry.metrics());
    } catch (err) {
      next(err);
    }
  });

  const api = express.Router();
  api.use(express.json({ limit: '200kb' }));
  api.use(originCheck(config.PUBLIC_URL));
  api.use(sessionOnlyWhenPresent(toleratingSessionOutage(sessionMiddleware)));
  api.use(noStoreWhenSignedIn);
  const runtime = { ...routeRuntime(services), hasAdminToken: adminTokenCheck(adminToken) };
  for (const route of routes) mountRoute(api, runtime, route);

  const openApi = buildOpenApiDocument(routes, API_VERSION);
  api.get('/api/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.get('/api/docs', (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  api.get('/api/docs.js', (_req, res) => {
    res.type('text/javascript').send(DOCS_SCRIPT);
  });
  mountAdminSetupPage(api);
  api.use('/api', notFoundHandler);
  app.use(api);

  if (config.clientDist && existsSync(path.join(config.clientDist, 'index.html'))) {
    // Client-side routes (/console, /quests/…) all load the same shell.
    app.use(staticClient(config.clientDist));
  }

  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return app;
}
