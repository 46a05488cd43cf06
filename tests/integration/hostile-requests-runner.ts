/**
 * Sends generated hostile requests (`hostile-requests-arbitraries.ts`) to a real server, one
 * property per operation of its OpenAPI document, and checks each answer: never a 5xx, every
 * 4xx a JSON body whose `error` is a string, and every status one the operation documents.
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { uniquePhoto } from '../fixtures/photos';
import type { TestClient } from '../support/client';
import { DEMO, uniqueSuffix, type TestServer } from '../support/harness';
import {
  hostileRequest,
  type HostileBody,
  type HostileRequest,
  type MultipartPart,
  type Operation,
} from './hostile-requests-arbitraries';

interface OpenApiDoc {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, { properties?: Record<string, unknown> }> };
}
interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string; properties?: object } }> };
  responses: Record<string, unknown>;
}

/** Every operation in the server's own OpenAPI document. */
export async function documentedOperations(server: TestServer): Promise<Operation[]> {
  const res = await server.client().get<OpenApiDoc>('/api/openapi.json');
  const doc = res.body;
  const schemaFields = (schema: { $ref?: string; properties?: object }): string[] => {
    const name = schema.$ref?.split('/').pop();
    const resolved = name ? doc.components?.schemas?.[name] : schema;
    return Object.keys(resolved?.properties ?? {});
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const [mediaType, content] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
      const named = (where: string) =>
        (op.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);
      return {
        method,
        path: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        queryParams: named('query'),
        bodyType: !mediaType ? null : mediaType.includes('multipart') ? 'multipart' : 'json',
        bodyFields: content ? schemaFields(content.schema) : [],
        documentedStatuses: Object.keys(op.responses).map(Number),
      };
    }),
  );
}

/** Real ids for each path parameter name, so half the requests reach their handlers. */
export async function realParamValues(server: TestServer): Promise<Record<string, string>> {
  const resident = await server.newResident();
  const values: Record<string, string> = { slug: 'oakfield', userId: resident.userId };
  const quests = await server
    .client()
    .get<{ items: { id: string }[] }>('/api/areas/oakfield/quests');
  const questId = quests.body.items?.[0]?.id;
  if (questId) values.questId = questId;
  const storylines = await server
    .client()
    .get<{ items?: { id: string }[] }>('/api/areas/oakfield/storylines');
  const storylineId = storylines.body.items?.[0]?.id;
  if (storylineId) values.storylineId = storylineId;
  const team = await resident.post<{ id: string }>('/api/areas/oakfield/teams', {
    name: `Team ${uniqueSuffix()}`,
  });
  if (team.status === 201) values.teamId = team.body.id;
  if (questId) {
    await resident.post(`/api/quests/${questId}/join`);
    const form = new FormData();
    form.set('text', 'We cleared the path and bagged the litter.');
    const evidence = await resident.post<{ evidenceId: string }>(
      `/api/quests/${questId}/evidence`,
      form,
    );
    if (evidence.status === 202) values.evidenceId = evidence.body.evidenceId;
  }
  return values;
}

export interface HostileTally {
  sent: number;
  serverErrors: number;
  statuses: Map<number, number>;
}

interface Target {
  server: TestServer;
  values: Record<string, string>;
  photo: Buffer;
  officer: () => Promise<TestClient>;
}

const BOUNDARY = 'hostileB0undary';

function multipartBytes(body: Extract<HostileBody, { kind: 'multipart' }>, photo: Buffer) {
  const partBytes = (p: MultipartPart) => {
    const disposition = `Content-Disposition: form-data; name="${p.name}"${
      p.filename === undefined ? '' : `; filename="${p.filename}"`
    }`;
    const lines = [disposition, ...(p.contentType ? [`Content-Type: ${p.contentType}`] : [])];
    if (p.rawHeader) lines.push(p.rawHeader);
    const content = p.content.kind === 'photo' ? photo : Buffer.from(p.content.text);
    return [Buffer.from(`--${BOUNDARY}\r\n${lines.join('\r\n')}\r\n\r\n`), content, '\r\n'];
  };
  const chunks = body.parts.flatMap(partBytes);
  if (body.closing) chunks.push(`--${BOUNDARY}--\r\n`);
  const all = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  return body.cutAt === null ? all : all.subarray(0, Math.floor(all.length * body.cutAt));
}

/** The bytes of a body and the Content-Type it implies. */
function bodyBytes(body: HostileBody, photo: Buffer): { bytes: Buffer; type: string | null } {
  switch (body.kind) {
    case 'json':
      return { bytes: Buffer.from(JSON.stringify(body.value) ?? 'null'), type: 'application/json' };
    case 'text':
      return { bytes: Buffer.from(body.text), type: 'application/json' };
    case 'bytes':
      return { bytes: Buffer.from(body.bytes), type: 'application/octet-stream' };
    case 'nested':
      return {
        bytes: Buffer.from('['.repeat(body.depth) + ']'.repeat(body.depth)),
        type: 'application/json',
      };
    case 'huge':
      return {
        bytes: Buffer.from(`{"text":"${'x'.repeat(body.size)}"}`),
        type: 'application/json',
      };
    case 'multipart': {
      const boundary = { same: `; boundary=${BOUNDARY}`, none: '', other: '; boundary=zzz' };
      return {
        bytes: multipartBytes(body, photo),
        type: `multipart/form-data${boundary[body.declared]}`,
      };
    }
  }
}

function compress(bytes: Buffer, encoding: string): Buffer {
  const name = encoding.trim().toLowerCase();
  if (name === 'gzip') return gzipSync(bytes);
  if (name === 'deflate') return deflateSync(bytes);
  if (name === 'br') return brotliCompressSync(bytes);
  return bytes;
}

function fillPath(op: Operation, r: HostileRequest, values: Record<string, string>): string {
  return op.path.replace(/:(\w+)/g, (_, name: string) => {
    const p = r.params[name];
    if (p?.kind === 'raw') return p.text;
    return encodeURIComponent(values[name] ?? '00000000-0000-4000-8000-000000000000');
  });
}

async function send(op: Operation, r: HostileRequest, target: Target) {
  const { server } = target;
  const method = r.method.toUpperCase();
  const headers: Record<string, string> = { ...r.headers };
  let payload: Buffer | undefined;
  if (r.body && method !== 'GET') {
    const { bytes, type } = bodyBytes(r.body, target.photo);
    payload = r.encoding?.compressed ? compress(bytes, r.encoding.name) : bytes;
    const contentType = r.contentType === 'natural' ? type : r.contentType;
    if (contentType) headers['content-type'] = contentType;
  }
  if (r.encoding) headers['content-encoding'] = r.encoding.name;
  if (r.origin !== 'none')
    headers.origin = r.origin === 'same' ? server.url : 'https://evil.example';
  if (r.signedIn) headers.cookie = (await target.officer()).cookieHeader;
  const url = `${server.url}${fillPath(op, r, target.values)}${r.query}`;
  const res = await fetch(url, {
    method,
    headers,
    body: payload ? new Uint8Array(payload) : undefined,
    redirect: 'manual',
  });
  return { url, method, headers, res, text: await res.text() };
}

/** Open311 answers errors as its spec's list of {code, description}, in JSON or XML. */
function isOpen311ErrorList(res: Response, text: string): boolean {
  if (res.headers.get('content-type')?.includes('xml'))
    return /<errors>\s*<error>\s*<code>\d{3}<\/code>/.test(text);
  try {
    const list = JSON.parse(text) as { code?: unknown; description?: unknown }[];
    return list.length > 0 && list.every((e) => typeof e.description === 'string');
  } catch {
    return false;
  }
}

/** Why an answer breaks the property, or null when it is acceptable. */
function problemWith(op: Operation, method: string, res: Response, text: string): string | null {
  if (res.status >= 500) return `answered ${res.status}`;
  // A request sent with another method than the operation's is another route's business.
  if (method === op.method.toUpperCase() && !op.documentedStatuses.includes(res.status))
    return `answered ${res.status}, which its OpenAPI entry does not list`;
  if (res.status < 400) return null;
  if (op.path.startsWith('/open311/') && isOpen311ErrorList(res, text)) return null;
  if (!res.headers.get('content-type')?.includes('json'))
    return `answered ${res.status} without a JSON body`;
  try {
    const body = JSON.parse(text) as { error?: unknown };
    return typeof body.error === 'string' ? null : `answered ${res.status} without an error string`;
  } catch {
    return `answered ${res.status} with a body that is not JSON`;
  }
}

export interface HostileRun {
  server: TestServer;
  runsPerOperation: number;
  seed: number;
  tally: HostileTally;
}

/**
 * One fast-check property per documented operation. An operation's run stops at its first
 * bad answer and the next operation goes on, so one run reports every operation that fails;
 * the answer lists each failure with its seed and replay path.
 */
export async function sendHostileRequests({
  server,
  runsPerOperation,
  seed,
  tally,
}: HostileRun): Promise<string[]> {
  const operations = await documentedOperations(server);
  let officer = await server.login(DEMO.officer);
  // A request to sign out (or one that changes the account) may end the officer's session.
  let mayBeSignedOut = false;
  const target: Target = {
    server,
    values: await realParamValues(server),
    photo: (await uniquePhoto()).buffer,
    async officer() {
      if (mayBeSignedOut && (await officer.get('/api/me')).status === 401)
        officer = await server.login(DEMO.officer);
      mayBeSignedOut = false;
      return officer;
    },
  };
  const failures: string[] = [];
  for (const op of operations) {
    const property = fc.asyncProperty(hostileRequest(op), async (r) => {
      const sent = await send(op, r, target);
      if (r.signedIn && (sent.res.status === 401 || /^\/api\/(auth|me)/.test(op.path)))
        mayBeSignedOut = true;
      tally.sent += 1;
      tally.statuses.set(sent.res.status, (tally.statuses.get(sent.res.status) ?? 0) + 1);
      if (sent.res.status >= 500) tally.serverErrors += 1;
      const problem = problemWith(op, sent.method, sent.res, sent.text);
      if (problem)
        throw new Error(
          `${sent.method} ${sent.url.slice(0, 300)} ${problem}: ${sent.text.slice(0, 300)}`,
        );
    });
    const details = await fc.check(property, {
      numRuns: runsPerOperation,
      seed,
      endOnFailure: true,
    });
    const report = fc.defaultReportMessage(details);
    if (details.failed && report)
      failures.push(`${op.method.toUpperCase()} ${op.path}: ${report.slice(0, 2000)}`);
  }
  return failures;
}

/** The seed every run uses unless HOSTILE_SEED names another (to replay a failure). */
export const HOSTILE_SEED = Number(process.env.HOSTILE_SEED ?? 20_260_121);

/** Runs the properties and prints one line: how many were sent, how many answered 5xx. */
export async function runHostileRequests(
  server: TestServer,
  runsPerOperation: number,
  seed: number,
): Promise<{ failures: string[]; tally: HostileTally }> {
  const tally: HostileTally = { sent: 0, serverErrors: 0, statuses: new Map() };
  let failures: string[] = [];
  try {
    failures = await sendHostileRequests({ server, runsPerOperation, seed, tally });
  } finally {
    const statuses = JSON.stringify(Object.fromEntries([...tally.statuses].sort()));
    console.warn(
      `hostile requests: ${tally.sent} sent, ${tally.serverErrors} answered 5xx, ${failures.length} operations failed (seed ${seed}); statuses ${statuses}`,
    );
  }
  return { failures, tally };
}
