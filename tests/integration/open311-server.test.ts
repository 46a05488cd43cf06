/**
 * GovCraft as an Open311 GeoReport v2 server: every endpoint in JSON and XML, shaped as
 * the spec's examples, and the spec's error cases with its status codes and bodies.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';
import {
  getRaw,
  issueKey,
  PARK_LAT,
  PARK_LNG,
  postForm,
  readXml,
  report,
  V2,
} from './open311-helpers';

const ISO_WITH_ZONE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/;
const J = 'jurisdiction_id=oakfield';

describe('Open311 server', () => {
  const suite = useTestServer({ officer: true });
  let key: string;
  let reportId: string;
  beforeAll(async () => {
    key = (await issueKey(suite.officer)).key;
    reportId = await report(suite.server, key, {
      address_string: '1 Library Lane',
      media_url: 'https://photos.example/wall.jpg',
    });
  });

  it('answers discovery in both formats', async () => {
    const json = await getRaw(suite.server, `${V2}/discovery.json`);
    expect(json.type).toContain('application/json');
    const doc = JSON.parse(json.text) as { endpoints: { url: string; formats: string[] }[] };
    expect(doc.endpoints[0]!.url).toMatch(/\/open311\/v2$/);
    expect(doc.endpoints[0]!.formats).toEqual(['text/xml', 'application/json']);
    const xml = readXml((await getRaw(suite.server, `${V2}/discovery.xml`)).text);
    expect(xml).toMatchObject({
      discovery: {
        endpoints: { endpoint: [{ formats: { format: ['text/xml', 'application/json'] } }] },
      },
    });
  });

  it('lists one service per quest category, with the jurisdiction', async () => {
    const json = JSON.parse(
      (await getRaw(suite.server, `${V2}/services.json?${J}`)).text,
    ) as Record<string, unknown>[];
    expect(json.map((s) => s.service_code)).toEqual([
      'urgent_optimism',
      'social_fabric',
      'blissful_productivity',
      'epic_meaning',
    ]);
    expect(Object.keys(json[0]!).sort()).toEqual([
      'description',
      'group',
      'jurisdiction_id',
      'keywords',
      'metadata',
      'service_code',
      'service_name',
      'type',
    ]);
    const xml = await getRaw(suite.server, `${V2}/services.xml?${J}`);
    expect(xml.type).toContain('text/xml');
    const services = (
      readXml(xml.text).services as { service: { service_code: string; metadata: string }[] }
    ).service;
    expect(services).toHaveLength(4);
    expect(services[1]).toMatchObject({ service_code: 'social_fabric', metadata: 'true' });
  });

  it('gives a service definition with its attributes', async () => {
    const json = JSON.parse(
      (await getRaw(suite.server, `${V2}/services/social_fabric.json?${J}`)).text,
    );
    expect(json).toMatchObject({
      service_code: 'social_fabric',
      attributes: [
        { code: 'desired_outcome', datatype: 'text', required: false, variable: true, order: 1 },
      ],
    });
    const xml = readXml((await getRaw(suite.server, `${V2}/services/social_fabric.xml?${J}`)).text);
    expect(xml).toMatchObject({
      service_definition: {
        service_code: 'social_fabric',
        attributes: { attribute: [{ code: 'desired_outcome' }] },
      },
    });
  });

  it('creates a report as a proposal for officers, with a token', async () => {
    const res = await postForm(suite.server, `${V2}/requests.xml`, {
      jurisdiction_id: 'oakfield',
      api_key: key,
      service_code: 'urgent_optimism',
      lat: PARK_LAT,
      long: PARK_LNG,
      description: 'Broken glass by the play area swings.',
      'attribute[desired_outcome]': 'The glass is swept up and the area is safe.',
      email: 'someone@example.test',
    });
    expect(res.status).toBe(200);
    const created = (
      readXml(res.text).service_requests as {
        request: { service_request_id: string; token: string }[];
      }
    ).request[0]!;
    const proposals = await suite.officer.get<{
      items: { id: string; status: string; desiredOutcome: string }[];
    }>('/api/areas/oakfield/proposals');
    const proposal = proposals.body.items.find((p) => p.id === created.service_request_id);
    expect(proposal).toMatchObject({
      status: 'proposed',
      desiredOutcome: 'The glass is swept up and the area is safe.',
    });
    const token = JSON.parse(
      (await getRaw(suite.server, `${V2}/tokens/${created.token}.json?${J}`)).text,
    );
    expect(token).toEqual([
      { service_request_id: created.service_request_id, token: created.token },
    ]);
    const tokenXml = readXml(
      (await getRaw(suite.server, `${V2}/tokens/${created.token}.xml?${J}`)).text,
    );
    expect(tokenXml).toMatchObject({
      service_requests: { request: [{ service_request_id: created.service_request_id }] },
    });
    // Nothing personal is kept or shown.
    const all = await getRaw(suite.server, `${V2}/requests.json?${J}`);
    expect(all.text).not.toContain('someone@example.test');
  });

  it('shows requests with the spec fields, dates with a zone, in both formats', async () => {
    const list = JSON.parse(
      (await getRaw(suite.server, `${V2}/requests.json?${J}`)).text,
    ) as Record<string, unknown>[];
    const mine = list.find((r) => r.service_request_id === reportId)!;
    expect(mine).toMatchObject({
      status: 'open',
      service_code: 'social_fabric',
      service_name: 'Social fabric',
      address: '1 Library Lane',
      media_url: 'https://photos.example/wall.jpg',
      lat: PARK_LAT,
      long: PARK_LNG,
    });
    expect(mine.requested_datetime).toMatch(ISO_WITH_ZONE);
    expect(mine.updated_datetime).toMatch(ISO_WITH_ZONE);
    expect(typeof mine.agency_responsible).toBe('string');
    const one = JSON.parse(
      (await getRaw(suite.server, `${V2}/requests/${reportId}.json?${J}`)).text,
    );
    expect(one).toEqual([mine]);
    const xml = readXml((await getRaw(suite.server, `${V2}/requests/${reportId}.xml?${J}`)).text);
    expect(xml).toMatchObject({
      service_requests: {
        request: [{ service_request_id: reportId, status: 'open', address: '1 Library Lane' }],
      },
    });
  });

  it('filters requests by id list, service code, status and dates', async () => {
    const get = async (q: string) =>
      JSON.parse((await getRaw(suite.server, `${V2}/requests.json?${J}&${q}`)).text) as {
        service_request_id: string;
        service_code: string;
        status: string;
      }[];
    expect(
      (await get(`service_request_id=${reportId},nope`)).map((r) => r.service_request_id),
    ).toEqual([reportId]);
    expect(
      (await get('service_code=social_fabric')).every((r) => r.service_code === 'social_fabric'),
    ).toBe(true);
    expect((await get('status=closed')).some((r) => r.service_request_id === reportId)).toBe(false);
    expect(await get('start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z')).toEqual([]);
  });

  it('records updates posted to it once per update_id, and lists them', async () => {
    const post = (format: string) =>
      postForm(suite.server, `${V2}/servicerequestupdates.${format}`, {
        jurisdiction_id: 'oakfield',
        api_key: key,
        service_request_id: reportId,
        update_id: 'remote-1',
        status: 'FIXED',
        updated_datetime: new Date().toISOString(),
        description: 'Painted over by the council.',
      });
    const first = JSON.parse((await post('json')).text) as { update_id: string }[];
    const again = readXml((await post('xml')).text) as {
      service_request_updates: { request_update: { update_id: string }[] };
    };
    expect(again.service_request_updates.request_update[0]!.update_id).toBe(first[0]!.update_id);
    const [closed] = JSON.parse(
      (await getRaw(suite.server, `${V2}/requests/${reportId}.json?${J}`)).text,
    );
    expect(closed).toMatchObject({
      status: 'closed',
      status_notes: 'Painted over by the council.',
    });
    const updates = JSON.parse(
      (await getRaw(suite.server, `${V2}/servicerequestupdates.json?${J}`)).text,
    ) as Record<string, unknown>[];
    const posted = updates.filter((u) => u.update_id === first[0]!.update_id);
    expect(posted).toEqual([
      expect.objectContaining({
        service_request_id: reportId,
        status: 'CLOSED',
        description: 'Painted over by the council.',
      }),
    ]);
    expect(posted[0]!.updated_datetime).toMatch(ISO_WITH_ZONE);
    const xml = readXml((await getRaw(suite.server, `${V2}/servicerequestupdates.xml?${J}`)).text);
    expect(
      (xml.service_request_updates as { request_update: unknown[] }).request_update.length,
    ).toBe(updates.length);
  });

  it('refuses an unknown service code on POST with 404 and a revoked key with 403', async () => {
    const issued = await issueKey(suite.officer, 'Short-lived Org');
    const unknown = await postForm(suite.server, `${V2}/requests.json`, {
      jurisdiction_id: 'oakfield',
      api_key: issued.key,
      service_code: 'potholes',
      lat: PARK_LAT,
      long: PARK_LNG,
    });
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text)).toEqual([
      { code: 404, description: 'service_code potholes not found' },
    ]);
    expect(
      (await suite.officer.request('DELETE', `/api/areas/oakfield/open311/keys/${issued.id}`))
        .status,
    ).toBe(200);
    const revoked = await postForm(suite.server, `${V2}/requests.json`, {
      jurisdiction_id: 'oakfield',
      api_key: issued.key,
      service_code: 'social_fabric',
      lat: PARK_LAT,
      long: PARK_LNG,
    });
    expect(revoked.status).toBe(403);
  });

  it('lists the Open311 routes in the API docs', async () => {
    const doc = await suite.server
      .client()
      .get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(
      Object.keys(doc.body.paths)
        .filter((p) => p.startsWith('/open311/v2/'))
        .sort(),
    ).toEqual([
      '/open311/v2/discovery.{format}',
      '/open311/v2/requests.{format}',
      '/open311/v2/requests/{serviceRequestId}.{format}',
      '/open311/v2/servicerequestupdates.{format}',
      '/open311/v2/services.{format}',
      '/open311/v2/services/{serviceCode}.{format}',
      '/open311/v2/tokens/{token}.{format}',
    ]);
    type Content = { content: Record<string, { schema: { $ref: string } }> };
    type Op = { responses: Record<string, Content | { $ref: string }> };
    const services = (doc.body.paths['/open311/v2/services.{format}'] as { get: Op }).get;
    const ok = services.responses['200'] as Content;
    expect(Object.keys(ok.content)).toEqual(['application/json', 'text/xml']);
    expect(services.responses['404']).toEqual({
      $ref: '#/components/responses/Open311ErrorList404',
    });
    const errors = (doc.body as unknown as { components: { responses: Record<string, Content> } })
      .components.responses['Open311ErrorList404']!;
    expect(errors.content['text/xml']!.schema.$ref).toBe('#/components/schemas/Open311ErrorList');
  });
});
