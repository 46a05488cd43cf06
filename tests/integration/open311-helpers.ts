/** Shared steps of the Open311 tests: keys, form posts, XML reading, waiting on polls. */
import { XMLParser } from 'fast-xml-parser';
import { OAKFIELD_PLACES } from '@govcraft/server/seed/demo-data';
import { expect } from 'vitest';
import type { TestClient } from '../support/client';
import type { TestServer } from '../support/harness';

export const [PARK_LNG, PARK_LAT] = OAKFIELD_PLACES.library;
export const V2 = '/open311/v2';

/** Issues an Open311 API key for a demo organisation; answers the key. */
export async function issueKey(officer: TestClient, organisation = 'Oakfield Friends of Parks') {
  const res = await officer.post<{ key: string; id: string }>('/api/areas/oakfield/open311/keys', {
    organisation,
  });
  expect(res.status).toBe(201);
  return res.body;
}

/** A form-encoded POST, as Open311 clients send it. */
export async function postForm(
  server: TestServer,
  path: string,
  fields: Record<string, string | number>,
) {
  const body = new URLSearchParams(
    Object.entries(fields).map(([k, v]) => [k, String(v)] as [string, string]),
  );
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

export async function getRaw(server: TestServer, path: string) {
  const res = await fetch(`${server.url}${path}`);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ITEM_NAMES.has(name) });
const ITEM_NAMES = new Set([
  'service',
  'request',
  'request_update',
  'error',
  'attribute',
  'value',
  'endpoint',
  'format',
]);

/** The parsed XML document (items always arrays); fails on anything that is not XML. */
export function readXml(text: string): Record<string, unknown> {
  expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return parser.parse(text, true) as Record<string, unknown>;
}

/** A report posted through A's Open311 with a key; answers its service_request_id. */
export async function report(
  server: TestServer,
  key: string,
  fields: Record<string, string | number> = {},
): Promise<string> {
  const res = await postForm(server, `${V2}/requests.json`, {
    jurisdiction_id: 'oakfield',
    api_key: key,
    service_code: 'social_fabric',
    lat: PARK_LAT,
    long: PARK_LNG,
    description: 'Graffiti on the library wall needs painting over.',
    ...fields,
  });
  expect(res.status, res.text).toBe(200);
  const [created] = JSON.parse(res.text) as { service_request_id: string }[];
  return created!.service_request_id;
}

/** Polls a reader until `done` holds; waits on the system, not on the clock. */
export async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string) {
  for (let i = 0; i < 300; i += 1) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}
