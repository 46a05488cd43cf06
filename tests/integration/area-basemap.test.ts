/**
 * A council gives its area real streets from an OpenStreetMap extract: uploaded as a GeoJSON
 * file, converted to the map's kinds, kept to the area, served with the ODbL attribution.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../support/harness';
import { useTestServer } from '../support/use-server';

const EXTRACT = readFileSync(new URL('../fixtures/osm-extract.geojson', import.meta.url));

const form = (bytes: Buffer | string) => {
  const f = new FormData();
  const part = typeof bytes === 'string' ? bytes : new Uint8Array(bytes);
  f.set('extract', new Blob([part], { type: 'application/geo+json' }), 'oakfield.geojson');
  return f;
};

interface MapBody {
  attribution?: string;
  features: { properties: { kind?: string; name?: string } | null }[];
}

describe('an area basemap from an OpenStreetMap extract', () => {
  const suite = useTestServer();

  it('is for area admins only', async () => {
    const resident = await suite.server.newResident();
    const res = await resident.request('PUT', '/api/areas/oakfield/map', form(EXTRACT));
    expect(res.status).toBe(403);
    const visitor = await suite.server
      .client()
      .request('PUT', '/api/areas/oakfield/map', form(EXTRACT));
    expect(visitor.status).toBe(401);
  });

  it('names the extract field when the file is not GeoJSON', async () => {
    const admin = await suite.server.login(DEMO.admin);
    const res = await admin.request<{ issues: { path: string; message: string }[] }>(
      'PUT',
      '/api/areas/oakfield/map',
      form('this is not json'),
    );
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ path: 'extract' });
    expect(res.body.issues[0]!.message).toMatch(/not JSON/);
  });

  it('replaces the map with what lies in the area, credited to OpenStreetMap', async () => {
    const admin = await suite.server.login(DEMO.admin);
    const res = await admin.request<{
      kept: Record<string, number>;
      dropped: Record<string, number>;
    }>('PUT', '/api/areas/oakfield/map', form(EXTRACT));
    expect(res.status).toBe(200);
    expect(res.body.kept).toEqual({ street: 2, park: 1, water: 1, building: 2, landmark: 1 });
    expect(res.body.dropped).toEqual({ outside: 1, unused: 1, overLimit: 0 });

    const map = await suite.server.client().get<MapBody>('/api/areas/oakfield/map');
    expect(map.body.attribution).toMatch(/OpenStreetMap contributors, ODbL/);
    const names = map.body.features.map((f) => f.properties?.name);
    expect(names).toEqual(
      expect.arrayContaining(['High Street', 'Oakfield Park', 'Oakfield Station']),
    );
    expect(names).not.toContain('London Road');
    expect(map.body.features[0]!.properties).toEqual({ kind: 'boundary', name: 'Oakfield' });
  });
});
