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
  for (const route of routes) documentRoute(registry, route, errorCodes);
  for (const code of [...errorCodes].sort((a, b) => a - b)) {
    registry.registerComponent('responses', errorResponseName(code), {
      description: ERROR_DESCRIPTIONS[code] ?? 'Error',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    });
  }
  // Listed on its own: the error responses above refer to it by name only.
  const errorSchema = { type: 'schema', schema: ZErrorResponse } as const;
  return new OpenApiGeneratorV31([...registry.definitions, errorSchema]).generateDocument({
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

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
const errorResponseName = (code: number) => `Error${code}`;

/** Registers one operation and adds the error statuses it answers to `errorCodes`. */
function documentRoute(
  registry: OpenAPIRegistry,
  route: AnyRouteSpec,
  errorCodes: Set<number>,
): void {
  const codes = new Set([400, 500, ...(route.errors ?? [])]);
  if (route.access.kind !== 'public') codes.add(401);
  if (route.access.kind === 'area' || route.access.kind === 'platform-admin') codes.add(403);
  if (route.rateLimit) codes.add(429);
  const responses: RouteConfig['responses'] = {
    [route.status ?? 200]:
      route.response === null
        ? { description: 'Done' }
        : {
            description: 'Success',
            content: { 'application/json': { schema: route.response } },
          },
  };
  for (const code of codes) {
    errorCodes.add(code);
    responses[code] = { $ref: `#/components/responses/${errorResponseName(code)}` };
  }
  const request: RouteConfig['request'] = {};
  if (route.params) request.params = route.params;
  if (route.query) request.query = route.query;
  if (route.body) {
    const mediaType = route.bodyType === 'multipart' ? 'multipart/form-data' : 'application/json';
    request.body = { content: { [mediaType]: { schema: route.body } } };
  }
  registry.registerPath({
    operationId: route.operationId,
    method: route.method,
    path: toOpenApiPath(route.path),
    summary: route.summary,
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
  503: 'A dependency is down',
};

/** A self-contained docs page (no CDN: the server may have no internet). */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>GovCraft API</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#0b0c0c}
h1{font-size:1.8rem} h2{margin-top:2rem;border-bottom:2px solid #1d4f91}
details{border:1px solid #b1b4b6;margin:.5rem 0;padding:.5rem;border-radius:4px}
summary{cursor:pointer} code,pre{font-family:ui-monospace,monospace;font-size:.9rem}
pre{background:#f3f2f1;padding:.5rem;overflow:auto}
.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
.get{color:#00703c}.post{color:#1d4f91}.put,.patch{color:#6a3fb5}.delete{color:#d4351c}
</style></head>
<body><main><h1>GovCraft API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
<div id="docs" aria-live="polite">Loading…</div></main>
<script>
fetch('/api/openapi.json').then(r=>r.json()).then(doc=>{
  const byTag={};
  for(const [path,ops] of Object.entries(doc.paths||{})) for(const [m,op] of Object.entries(ops)){
    const tag=(op.tags&&op.tags[0])||'other'; (byTag[tag]=byTag[tag]||[]).push({path,m,op});
  }
  const esc=s=>String(s).replace(/[&<>]/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
  const out=[];
  for(const tag of Object.keys(byTag).sort()){
    out.push('<h2>'+esc(tag)+'</h2>');
    for(const {path,m,op} of byTag[tag]){
      out.push('<details><summary><span class="m '+m+'">'+m+'</span> <code>'+esc(path)+'</code> — '+esc(op.summary||'')+'</summary><pre>'+esc(JSON.stringify({request:op.requestBody||op.parameters||null,responses:op.responses},null,2))+'</pre></details>');
    }
  }
  document.getElementById('docs').innerHTML=out.join('');
});
</script></body></html>`;
