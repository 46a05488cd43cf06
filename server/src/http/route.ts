/**
 * Routes are declared, not wired by hand: one declaration gives the Express handler, the
 * zod parsing of params/query/body, the access check and the OpenAPI entry. So every route
 * is in the document and none can skip validation or the guard.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { OpenAPIRegistry, RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { AreaRole } from '@govcraft/shared';
import { AppError } from '../lib/errors';
import { parseOrThrow } from './validate';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The signed-in person making a request, as the guard resolved them. */
export interface Actor {
  userId: string;
  isPlatformAdmin: boolean;
}

/** For routes whose access is not public: the guard has already refused anonymous callers. */
export function userIdOf(actor: Actor | null): string {
  if (!actor) throw new AppError('unauthenticated', 'sign in to do this');
  return actor.userId;
}

export interface ParsedInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

/**
 * Who may call a route. An area rule names the weakest role that may act and how to find
 * the area from the parsed params (slug → area, quest → its area, …).
 */
export type Access<P> =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'platform-admin' }
  | { kind: 'area'; role: AreaRole; areaOf: (params: P) => Promise<string> };

export type RateLimitName = 'auth' | 'password' | 'evidence' | 'write';

export interface RouteSpec<P, Q, B, R> {
  method: HttpMethod;
  /** Express path syntax: `/api/areas/:slug/quests`. */
  path: string;
  summary: string;
  tags: string[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** `multipart` routes get their body from a multer middleware listed in `before`. */
  bodyType?: 'json' | 'multipart';
  /** Success status; defaults to 200 (204 sends no body). */
  status?: number;
  response: z.ZodType<R> | null;
  /** Extra documented error statuses besides 400/401/403/404/500. */
  errors?: number[];
  access: Access<P>;
  rateLimit?: RateLimitName;
  /** Middleware that must run after the guard and before body parsing (e.g. multer). */
  before?: RequestHandler[];
  handler: (
    input: ParsedInput<P, Q, B> & { actor: Actor | null; req: Request; res: Response },
  ) => Promise<R>;
}

// zod types are invariant in their input; the registry stores specs of any shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- heterogeneous route list
export type AnyRouteSpec = RouteSpec<any, any, any, any>;

export function defineRoute<
  P = Record<string, never>,
  Q = Record<string, never>,
  B = undefined,
  R = unknown,
>(spec: RouteSpec<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  return spec;
}

/** What a route needs from the rest of the server to enforce access and rate limits. */
export interface RouteRuntime {
  authenticate(req: Request): Promise<Actor | null>;
  authorise(actor: Actor, role: AreaRole, areaId: string): Promise<void>;
  rateLimit(name: RateLimitName, req: Request, actor: Actor | null): Promise<void>;
}

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export function mountRoute(router: Router, runtime: RouteRuntime, spec: AnyRouteSpec): void {
  const guard: RequestHandler = async (req, res, next) => {
    try {
      const params = spec.params ? parseOrThrow(spec.params, req.params, 'params') : {};
      const actor =
        spec.access.kind === 'public'
          ? await runtime.authenticate(req)
          : await requireActor(runtime, req);
      if (spec.access.kind === 'platform-admin' && !actor?.isPlatformAdmin) {
        throw new AppError('forbidden', 'only a platform administrator can do this');
      }
      if (spec.access.kind === 'area' && actor) {
        await runtime.authorise(actor, spec.access.role, await spec.access.areaOf(params));
      }
      if (spec.rateLimit) await runtime.rateLimit(spec.rateLimit, req, actor);
      res.locals.params = params;
      res.locals.actor = actor;
      next();
    } catch (err) {
      next(err);
    }
  };
  const handle: RequestHandler = async (req, res, next) => {
    try {
      const query = spec.query ? parseOrThrow(spec.query, req.query, 'query') : {};
      const body = spec.body ? parseOrThrow(spec.body, req.body ?? {}, 'body') : undefined;
      const result = await spec.handler({
        params: res.locals.params,
        query,
        body,
        actor: res.locals.actor ?? null,
        req,
        res,
      });
      if (res.headersSent) return;
      const status = spec.status ?? 200;
      if (status === 204 || spec.response === null) res.status(status).end();
      else res.status(status).json(result);
    } catch (err) {
      next(err);
    }
  };
  router[spec.method](spec.path, guard, ...(spec.before ?? []), handle);
}

async function requireActor(runtime: RouteRuntime, req: Request): Promise<Actor> {
  const actor = await runtime.authenticate(req);
  if (!actor) throw new AppError('unauthenticated', 'sign in to do this');
  return actor;
}

const jsonContent = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

export function documentRoute(registry: OpenAPIRegistry, spec: AnyRouteSpec): void {
  const responses: RouteConfig['responses'] = {
    [spec.status ?? 200]:
      spec.response === null
        ? { description: 'Done' }
        : { description: 'Success', ...jsonContent(spec.response) },
  };
  const errorCodes = new Set([400, 500, ...(spec.errors ?? [])]);
  if (spec.access.kind !== 'public') errorCodes.add(401);
  if (spec.access.kind === 'area' || spec.access.kind === 'platform-admin') errorCodes.add(403);
  if (spec.rateLimit) errorCodes.add(429);
  for (const code of errorCodes) {
    responses[code] = {
      description: ERROR_DESCRIPTIONS[code] ?? 'Error',
      ...jsonContent(errorSchema),
    };
  }
  const request: RouteConfig['request'] = {};
  // Param and query schemas are zod objects; the generator's type wants exactly that.
  type ObjectSchema = NonNullable<NonNullable<RouteConfig['request']>['params']>;
  if (spec.params) request.params = spec.params as unknown as ObjectSchema;
  if (spec.query) request.query = spec.query as unknown as ObjectSchema;
  if (spec.body) {
    request.body =
      spec.bodyType === 'multipart'
        ? { content: { 'multipart/form-data': { schema: spec.body } } }
        : { content: { 'application/json': { schema: spec.body } } };
  }
  registry.registerPath({
    method: spec.method,
    path: toOpenApiPath(spec.path),
    summary: spec.summary,
    tags: spec.tags,
    ...(spec.access.kind === 'public' ? {} : { security: [{ session: [] }] }),
    request,
    responses,
  });
}

const errorSchema = z.object({
  error: z.string(),
  message: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `issues` names each field',
  401: 'Not signed in, or wrong credentials',
  403: 'Signed in but not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Too large',
  415: 'Unsupported content type',
  429: 'Too many attempts; see Retry-After',
  500: 'Unexpected error; quote the requestId',
  503: 'A dependency is down',
};
