/**
 * The spec's error cases on every kind of Open311 call, in both formats: the status code
 * the spec names and its body, a list of {code, description} (`<errors><error>` in XML).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';
import { getRaw, issueKey, PARK_LAT, PARK_LNG, postForm, readXml, V2 } from './open311-helpers';

const J = 'jurisdiction_id=oakfield';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

interface ErrorCase {
  name: string;
  path: string;
  /** A form to POST; absent for GET. */
  form?: Record<string, string | number>;
  status: number;
  description: RegExp;
}

const CASES: ErrorCase[] = [
  {
    name: 'missing jurisdiction',
    path: 'services',
    status: 400,
    description: /jurisdiction_id was not provided/,
  },
  {
    name: 'unknown jurisdiction',
    path: 'services?jurisdiction_id=atlantis',
    status: 404,
    description: /jurisdiction_id atlantis not found/,
  },
  {
    name: 'unknown service code',
    path: `services/potholes?${J}`,
    status: 404,
    description: /service_code potholes not found/,
  },
  {
    name: 'unknown request',
    path: `requests/${NO_SUCH_ID}?${J}`,
    status: 404,
    description: /service_request_id not found/,
  },
  { name: 'unknown token', path: `tokens/nope?${J}`, status: 404, description: /token not found/ },
  {
    name: 'a date without a zone',
    path: `requests?${J}&start_date=2026-01-01`,
    status: 400,
    description: /start_date/,
  },
  {
    name: 'a bad status filter',
    path: `requests?${J}&status=pending`,
    status: 400,
    description: /status/,
  },
  {
    name: 'missing jurisdiction on POST',
    path: 'requests',
    form: { api_key: 'x', service_code: 'social_fabric' },
    status: 400,
    description: /jurisdiction_id was not provided/,
  },
  {
    name: 'no API key',
    path: 'requests',
    form: { jurisdiction_id: 'oakfield', service_code: 'social_fabric' },
    status: 403,
    description: /api_key was not provided/,
  },
  {
    name: 'a bad API key',
    path: 'requests',
    form: { jurisdiction_id: 'oakfield', api_key: 'o311_wrong', service_code: 'social_fabric' },
    status: 403,
    description: /api_key is not valid/,
  },
  {
    name: 'a bad API key on an update',
    path: 'servicerequestupdates',
    form: {
      jurisdiction_id: 'oakfield',
      api_key: 'o311_wrong',
      service_request_id: NO_SUCH_ID,
      status: 'CLOSED',
    },
    status: 403,
    description: /api_key is not valid/,
  },
];

/** The path with its format: `services?x=1` → `/open311/v2/services.xml?x=1`. */
const withFormat = (path: string, format: string) => {
  const [resource, query] = path.split('?');
  return `${V2}/${resource}.${format}${query ? `?${query}` : ''}`;
};

function errorList(format: 'json' | 'xml', text: string) {
  if (format === 'json') return JSON.parse(text) as { code: number; description: string }[];
  const doc = readXml(text) as { errors: { error: { code: string; description: string }[] } };
  return doc.errors.error.map((e) => ({ code: Number(e.code), description: e.description }));
}

describe('Open311 errors', () => {
  const suite = useTestServer({ officer: true });
  let key = '';
  beforeAll(async () => {
    key = (await issueKey(suite.officer)).key;
  });

  it.each(CASES.flatMap((c) => (['json', 'xml'] as const).map((format) => ({ ...c, format }))))(
    '$name → $status ($format)',
    async ({ path, form, status, description, format }) => {
      const url = withFormat(path, format);
      const res = form ? await postForm(suite.server, url, form) : await getRaw(suite.server, url);
      expect(res.status).toBe(status);
      expect(res.type).toContain(format === 'json' ? 'application/json' : 'text/xml');
      const [first] = errorList(format, res.text);
      expect(first!.code).toBe(status);
      expect(first!.description).toMatch(description);
    },
  );

  it('refuses an unknown service code and a missing location on POST, naming them', async () => {
    const base = { jurisdiction_id: 'oakfield', api_key: key, lat: PARK_LAT, long: PARK_LNG };
    const unknown = await postForm(suite.server, `${V2}/requests.json`, {
      ...base,
      service_code: 'potholes',
    });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toEqual([
      { code: 404, description: 'service_code potholes not found' },
    ]);
    const nowhere = await postForm(suite.server, `${V2}/requests.xml`, {
      jurisdiction_id: 'oakfield',
      api_key: key,
      service_code: 'social_fabric',
      lat: '',
    });
    expect(nowhere.status).toBe(400);
    expect(errorList('xml', nowhere.text)[0]!.description).toMatch(
      /^lat: lat and long are required/,
    );
  });
});
