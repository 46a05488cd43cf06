/**
 * quests.geojson against work done through the public API: a quest completed by a resident
 * and verified by the real worker, one closed without a completion, one still open and a
 * draft. The answer is checked as raw text by a GeoJSON validator, then by its schema.
 */
import { getIssues } from '@placemarkio/check-geojson';
import { OPEN_DATA_LICENCE, ZQuestGeoJson, type Evidence, type Quest } from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import { checkIn, PARK, useEvidenceServer } from './evidence-fixtures';
import { waitFor } from './quest-helpers';

const GEOJSON = '/api/areas/oakfield/quests.geojson';

describe('GET /api/areas/:slug/quests.geojson', () => {
  const suite = useEvidenceServer();

  async function close(quest: Quest) {
    const res = await suite.officer.post(`/api/quests/${quest.id}/transition`, { to: 'closed' });
    expect(res.status).toBe(200);
  }

  async function completedBy(quest: Quest) {
    const resident = await suite.resident(quest.id);
    const sent = await checkIn(resident, quest.id, PARK);
    expect(sent.status).toBe(202);
    await waitFor('the check-in to be verified', async () => {
      const res = await resident.get<Evidence>(`/api/evidence/${sent.body.evidenceId}`);
      return res.body.status === 'verified';
    });
  }

  it('is valid RFC 7946 with outcomes, failures and XP paid and reversed per quest', async () => {
    const done = await suite.quest({ title: 'Geo: benches scrubbed' });
    const failed = await suite.quest({ title: 'Geo: nobody came' });
    const open = await suite.quest({ title: 'Geo: still to do' });
    const draft = await suite.quest({ title: 'Geo: not yet public', publish: false });
    await completedBy(done);
    // A reversal as the ledger records one: a negative row for the quest.
    const other = await suite.server.newResident();
    await suite.query(
      `insert into xp_ledger (user_id, area_id, quest_id, evidence_id, amount, reason)
       values ($1, $2, $3, gen_random_uuid(), -25, 'reversed: evidence was not genuine')`,
      [other.userId, done.areaId, done.id],
    );
    await close(done);
    await close(failed);

    const res = await fetch(`${suite.server.url}${GEOJSON}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const text = await res.text();
    expect(getIssues(text)).toEqual([]);
    const collection = ZQuestGeoJson.parse(JSON.parse(text));
    expect(collection.licence).toBe(OPEN_DATA_LICENCE);
    expect(collection.area).toEqual({
      slug: 'oakfield',
      name: expect.any(String),
      archived: false,
    });

    const byId = new Map(collection.features.map((f) => [f.id, f]));
    expect(byId.has(draft.id)).toBe(false);
    const [paid] = await suite.query<{ n: number }>(
      'select coalesce(sum(amount), 0)::int as n from xp_ledger where quest_id = $1 and amount > 0',
      [done.id],
    );
    expect(paid!.n).toBeGreaterThan(0);
    const completed = byId.get(done.id)!;
    expect(completed.geometry.coordinates).toEqual([PARK.lng, PARK.lat]);
    expect(completed.properties).toMatchObject({
      status: 'closed',
      outcome: 'completed',
      outcomeReason: null,
      verifiedCompletions: 1,
      xpPaid: paid!.n,
      xpReversed: 25,
    });
    expect(byId.get(failed.id)!.properties).toMatchObject({
      status: 'closed',
      outcome: 'failed',
      outcomeReason: expect.stringMatching(
        /^Closed on \d{4}-\d{2}-\d{2} without a verified completion\.$/,
      ),
      xpPaid: 0,
      xpReversed: 0,
    });
    expect(byId.get(open.id)!.properties).toMatchObject({
      outcome: 'open',
      outcomeReason: null,
      xpReward: open.xp,
    });
    for (const name of Object.keys(completed.properties))
      expect(collection.fields[name], `documented: ${name}`).toBeTruthy();
  });

  it('names its licence and media type in the OpenAPI document', async () => {
    const doc = await suite.server.client().get<{
      paths: Record<
        string,
        { get?: { description?: string; responses: Record<string, { content?: object }> } }
      >;
    }>('/api/openapi.json');
    const op = doc.body.paths['/api/areas/{slug}/quests.geojson']!.get!;
    expect(op.description).toContain('Open Government Licence v3.0');
    expect(Object.keys(op.responses['200']!.content!)).toEqual(['application/geo+json']);
  });

  it('answers 404 for an area that does not exist', async () => {
    const res = await suite.server.client().get('/api/areas/nowhere/quests.geojson');
    expect(res.status).toBe(404);
  });
});
