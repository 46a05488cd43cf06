/**
 * Routes are declared, not wired by hand: a shared contract (path, params, query, body,
 * response) plus the server's guard and handler gives the Express handler, the zod parsing,
 * the access check and the OpenAPI entry at once. So every route is in the document, none
 * can skip validation or the guard, and a handler cannot answer a shape its contract denies.
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response, Router } from 'express';
import type {
  AreaRole,
  BodyOf,
  ParamsOf,
  QueryOf,
  ResponseOf,
  RouteContract,
} from '@govcraft/shared';
import type { Actor } from '../features/accounts/actor';
import { AppError } from '../lib/errors';
import { dependencyOutageError } from './dependency-errors';
import { parseOrThrow } from './validate';

export type { HttpMethod } from '@govcraft/shared';

// Re-exported for the route files; the type belongs to accounts.
export type { Actor };

/** For routes whose access is not public: the guard has already refused anonymous callers. */
export function userIdOf(actor: Actor | null): string {
  return actorOf(actor).userId;
}

export function actorOf(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthenticated', 'sign in to do this');
  return actor;
}

/**
 * Who may call a route. An area rule names the weakest role that may act and how to find
 * the area from the parsed params (slug → area, quest → its area, …).
 */
export type Access<P> =
  | { kind: 'public' }
  | { kind: 'user' }
  // adminToken: the admin commands' bearer token passes too (http/admin-token-access.ts).
  | { kind: 'platform-admin'; adminToken?: boolean }
  | { kind: 'area'; role: AreaRole; areaOf: (params: P) => Promise<string> };

export const PUBLIC = { kind: 'public' } as const;
export const SIGNED_IN = { kind: 'user' } as const;
export const PLATFORM_ADMIN = { kind: 'platform-admin' } as const;

export interface AreaLookup {
  idOfSlug(slug: string): Promise<string>;
}

/** An area rule for routes under `/api/areas/:slug/…`. */
export function areaOfSlug(areas: AreaLookup, role: AreaRole): Access<{ slug: string }> {
  return { kind: 'area', role, areaOf: (params) => areas.idOfSlug(params.slug) };
}

export type RateLimitName = 'auth' | 'password' | 'evidence' | 'write' | 'comment';

/** What a handler receives: the parsed request typed by its contract, and who is asking. */
export interface RouteInput<C> {
  params: ParamsOf<C>;
  query: QueryOf<C>;
  body: BodyOf<C>;
  actor: Actor | null;
  req: Request;
  res: Response;
}

/** A handler answers exactly what its contract's response schema describes. */
export type RouteHandler<C> = (input: RouteInput<C>) => Promise<ResponseOf<C>>;

/** The server's half of a route: everything the shared contract must not know. */
export interface RouteGuard<C> {
  access: Access<ParamsOf<C>>;
  rateLimit?: RateLimitName;
  /** Middleware that must run after the guard and before body parsing (e.g. multer). */
  before?: RequestHandler[];
  /** Answers this route's errors in its own wire format (Open311's error list); else the app's. */
  onError?: ErrorRequestHandler;
  handler: RouteHandler<C>;
}

/** A route of any contract, as the mounting and documenting code sees it: contract and guard. */
export interface AnyRouteSpec extends RouteContract {
  access: Access<never>;
  rateLimit?: RateLimitName;
  before?: RequestHandler[];
  onError?: ErrorRequestHandler;
  // Method syntax: a list holds handlers of many contracts.
  handler(input: RouteInput<never>): Promise<unknown>;
}

export function defineRoute<C extends RouteContract>(
  contract: C,
  guard: RouteGuard<C>,
): AnyRouteSpec {
  return { ...contract, ...guard } as unknown as AnyRouteSpec;
}

/** What a route needs from the rest of the server to enforce access and rate limits. */
export interface RouteRuntime {
  authenticate(req: Request): Promise<Actor | null>;
  authorise(actor: Actor, role: AreaRole, areaId: string): Promise<void>;
  rateLimit(name: RateLimitName, req: Request, actor: Actor | null): Promise<void>;
  /** Whether the request carries the admin commands' token (routes that accept it only). */
  hasAdminToken?(req: Request): boolean;
}

/** A public route answers a signed-in person as a visitor while sessions cannot be read. */
function asVisitorDuringOutage(err: unknown): null {
  const isOutage =
    err instanceof AppError ? err.code === 'unavailable' : dependencyOutageError(err);
  if (isOutage) return null;
  throw err;
}

/** Order: params → authenticate (401) → authorise (403) → rate limit (429) → query/body (400). */
export function mountRoute(router: Router, runtime: RouteRuntime, spec: AnyRouteSpec): void {
  const { access } = spec;
  const guard: RequestHandler = async (req, res, next) => {
    try {
      const params = spec.params ? parseOrThrow(spec.params, req.params, 'params') : {};
      const byAdminToken =
        access.kind === 'platform-admin' && !!access.adminToken && !!runtime.hasAdminToken?.(req);
      const actor =
        access.kind === 'public'
          ? await runtime.authenticate(req).catch(asVisitorDuringOutage)
          : byAdminToken
            ? null
            : actorOf(await runtime.authenticate(req));
      if (access.kind === 'platform-admin' && !byAdminToken && !actor?.isPlatformAdmin) {
        throw new AppError('forbidden', 'only a platform administrator can do this');
      }
      if (access.kind === 'area' && actor) {
        await runtime.authorise(actor, access.role, await access.areaOf(params as never));
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
      const input = { params: res.locals.params, query, body, req, res };
      const result = await spec.handler({ ...input, actor: res.locals.actor ?? null } as never);
      if (res.headersSent) return;
      const status = spec.status ?? 200;
      if (status === 204 || spec.response === null) res.status(status).end();
      else res.status(status).json(result);
    } catch (err) {
      next(err);
    }
  };
  const onError = spec.onError ? [spec.onError] : [];
  router[spec.method](spec.path, guard, ...(spec.before ?? []), handle, ...onError);
}
