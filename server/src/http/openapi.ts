/**
 * The OpenAPI 3.1 document, generated from the same contracts Express mounts. Every exported
 * `Z<Name>` schema of @govcraft/shared is the component `<Name>`, so a shape many routes
 * share (a quest, an evidence, the error answer) is written once and referenced.
 */
import {
  getRefId,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  zodToOpenAPIRegistry,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import * as shared from '@govcraft/shared';
import { ZErrorResponse } from '@govcraft/shared';
import { z } from 'zod';
import type { AnyRouteSpec } from './route';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export function buildOpenApiDocument(routes: AnyRouteSpec[], version: string): OpenApiDocument {
  nameSharedSchemas();
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'gc.sid',
    description: 'Session cookie set by POST /api/auth/login',
  });
  const errorCodes = new Set<number>();
  const ownErrors = new Map<string, { code: number; content: Record<string, unknown> }>();
  for (const route of routes) documentRoute(registry, route, errorCodes, ownErrors);
  for (const [name, { code, content }] of ownErrors) {
    registry.registerComponent('responses', name, {
      description: ERROR_DESCRIPTIONS[code] ?? 'Error',
      content: content as never,
    });
  }
  for (const code of [...errorCodes].sort((a, b) => a - b)) {
    registry.registerComponent('responses', errorResponseName(code), {
      description: ERROR_DESCRIPTIONS[code] ?? 'Error',
      ...(code === 429 || code === 503 ? { headers: RETRY_AFTER } : {}),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    });
  }
  // Listed on its own: the error responses above refer to it by name only.
  const errorSchema = { type: 'schema', schema: ZErrorResponse } as const;
  const ownErrorSchemas = [
    ...new Set(routes.flatMap((r) => (r.errorBody ? [r.errorBody] : []))),
  ].map((schema) => ({ type: 'schema', schema }) as const);
  return new OpenApiGeneratorV31([
    ...registry.definitions,
    errorSchema,
    ...ownErrorSchemas,
  ]).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'GovCraft API',
      version,
      description:
        'Councils post local problems as time-limited quests; residents complete them with evidence. ' +
        'State-changing requests from browsers must come from the same origin.',
    },
  });
}

/**
 * Gives every exported `Z<Name>` schema the component name `<Name>`, on the very instance the
 * contracts hold: `.openapi(name)` and `.meta({ id })` would name a copy instead. Params and
 * query objects stay inline, as OpenAPI spells them out as parameters.
 */
function nameSharedSchemas(): void {
  for (const [exportName, schema] of Object.entries(shared)) {
    if (!(schema instanceof z.ZodType) || !/^Z[A-Z]/.test(exportName)) continue;
    if (/(Params|Query)$/.test(exportName) || getRefId(schema)) continue;
    const meta = zodToOpenAPIRegistry.get(schema);
    zodToOpenAPIRegistry.add(schema, {
      ...meta,
      _internal: { ...meta?._internal, refId: exportName.slice(1) },
    });
  }
}

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    schema: { type: 'integer' as const, minimum: 1 },
  },
};

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const errorResponseName = (code: number) => `Error${code}`;

/**
 * Every status a route can answer, from what it is: 400 and 500 always; 401 unless public;
 * 403 for role rules and for browser writes refused by the origin check; 404 when a path
 * parameter names something; 413/415 for a body; 429 when rate-limited; 503 because every
 * route reads the session store or the database, which can be down; plus the contract's own.
 */
export function statusesOf(route: AnyRouteSpec): Set<number> {
  const codes = new Set([400, 500, 503, ...(route.errors ?? [])]);
  const { kind } = route.access;
  if (kind !== 'public') codes.add(401);
  if (kind === 'area' || kind === 'platform-admin' || route.method !== 'get') codes.add(403);
  if (route.path.includes('/:')) codes.add(404);
  // Every write passes the body parsers, which refuse oversized or undecodable bodies.
  if (route.body || route.method !== 'get') codes.add(413).add(415);
  if (route.rateLimit) codes.add(429);
  return codes;
}

/** The success answer: JSON by the response schema, bytes of `responseType`, or nothing. */
function successOf(route: AnyRouteSpec): RouteConfig['responses'][string] {
  if (route.responseType) {
    const schema = route.response ?? z.string().meta({ format: 'binary' });
    const types = [route.responseType, ...(route.alsoAs ?? [])];
    return {
      description: 'Success',
      content: Object.fromEntries(types.map((type) => [type, { schema }])),
    };
  }
  if (route.response === null) return { description: 'Done' };
  return { description: 'Success', content: { 'application/json': { schema: route.response } } };
}

/** Registers one operation and adds the error statuses it answers to `errorCodes`. */
function documentRoute(
  registry: OpenAPIRegistry,
  route: AnyRouteSpec,
  errorCodes: Set<number>,
  ownErrors: Map<string, { code: number; content: Record<string, unknown> }>,
): void {
  const responses: RouteConfig['responses'] = { [route.status ?? 200]: successOf(route) };
  for (const code of [...statusesOf(route)].sort((x, y) => x - y)) {
    const { errorBody } = route;
    if (errorBody) {
      // A route with its own error shape (Open311's list) refers to it in each of its formats.
      const types = [route.responseType ?? 'application/json', ...(route.alsoAs ?? [])];
      const name = `${getRefId(errorBody) ?? 'Own'}${code}`;
      const schema = { $ref: `#/components/schemas/${getRefId(errorBody)}` };
      ownErrors.set(name, { code, content: Object.fromEntries(types.map((t) => [t, { schema }])) });
      responses[code] = { $ref: `#/components/responses/${name}` };
      continue;
    }
    errorCodes.add(code);
    responses[code] = { $ref: `#/components/responses/${errorResponseName(code)}` };
  }
  const request: RouteConfig['request'] = {};
  if (route.params) request.params = route.params;
  if (route.query) request.query = route.query;
  if (route.body) {
    const mediaType = {
      multipart: 'multipart/form-data',
      form: 'application/x-www-form-urlencoded',
      json: 'application/json',
    }[route.bodyType ?? 'json'];
    request.body = { content: { [mediaType]: { schema: route.body } } };
  }
  registry.registerPath({
    operationId: route.operationId,
    method: route.method,
    path: toOpenApiPath(route.path),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [...route.tags],
    ...(route.access.kind === 'public' ? {} : { security: [{ session: [] }] }),
    request,
    responses,
  });
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `issues` names each field',
  401: 'Not signed in, or wrong credentials',
  403: 'Signed in but not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  410: 'No longer valid (expired or used up)',
  413: 'Too large',
  415: 'Unsupported content type',
  422: 'Well-formed but unusable (e.g. a photo that cannot be read)',
  429: 'Too many attempts; see Retry-After',
  500: 'Unexpected error; quote the requestId',
  503: 'A dependency (database or Redis) is down; see Retry-After',
};
