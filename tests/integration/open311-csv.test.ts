/** The CSV import adapter: rows become linked draft quests once; bad rows are named. */
import type { Integration } from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-server';
import { PARK_LAT, PARK_LNG } from './open311-helpers';

describe('CSV import adapter', () => {
  const suite = useTestServer({ officer: true });

  it('imports rows as drafts (or published by rule), skips what cannot be used, and takes each once', async () => {
    const created = await suite.officer.post<Integration>('/api/areas/oakfield/integrations', {
      kind: 'csv',
      name: 'Council spreadsheet export',
      services: [
        { code: 'GRAF', superpower: 'social_fabric' },
        { code: 'LITTER', superpower: 'urgent_optimism', autoPublish: true },
      ],
      batchSize: 2,
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const csv = [
      'id,service_code,description,lat,lng,address',
      `C-1,GRAF,"Graffiti on the bus shelter, north side",${PARK_LAT},${PARK_LNG},Bus shelter`,
      `C-2,LITTER,Litter in the park hedge,${PARK_LAT},${PARK_LNG},`,
      `C-3,POTHOLE,Pothole on the high street,${PARK_LAT},${PARK_LNG},`,
      `C-4,GRAF,Tag on the bridge far away,0,0,`,
    ].join('\n');
    const first = await suite.officer.post(`/api/areas/oakfield/integrations/${id}/import`, {
      csv,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toEqual({ created: 2, skipped: 2, queued: false });
    const again = await suite.officer.post(`/api/areas/oakfield/integrations/${id}/import`, {
      csv,
    });
    expect(again.body).toEqual({ created: 0, skipped: 0, queued: false });

    const links = await suite.officer.get<{
      items: { remoteId: string; questStatus: string | null; skippedReason: string | null }[];
    }>(`/api/areas/oakfield/integrations/${id}/links`);
    const byId = Object.fromEntries(links.body.items.map((l) => [l.remoteId, l]));
    expect(byId['C-1']).toMatchObject({ questStatus: 'draft', skippedReason: null });
    expect(byId['C-2']!.questStatus).toBe('active');
    expect(byId['C-3']!.skippedReason).toMatch(/POTHOLE is not taken/);
    expect(byId['C-4']!.skippedReason).toBe('outside the area');
  });

  it('refuses a bad row by its line and column, taking nothing', async () => {
    const created = await suite.officer.post<Integration>('/api/areas/oakfield/integrations', {
      kind: 'csv',
      name: 'Another export',
      services: [{ code: 'GRAF', superpower: 'social_fabric' }],
    });
    const csv = `id,service_code,description,lat,lng\nD-1,GRAF,Fine row,${PARK_LAT},${PARK_LNG}\nD-2,GRAF,Bad row,north,${PARK_LNG}`;
    const res = await suite.officer.post<{ issues: { path: string; message: string }[] }>(
      `/api/areas/oakfield/integrations/${created.body.id}/import`,
      { csv },
    );
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toEqual({ path: 'csv.line3.lat', message: 'must be a number' });
    const links = await suite.officer.get<{ items: unknown[] }>(
      `/api/areas/oakfield/integrations/${created.body.id}/links`,
    );
    expect(links.body.items).toEqual([]);
  });

  it('is for officers only', async () => {
    const resident = await suite.server.newResident();
    expect((await resident.get('/api/areas/oakfield/integrations')).status).toBe(403);
    expect((await suite.server.client().get('/api/areas/oakfield/integrations')).status).toBe(401);
  });
});
