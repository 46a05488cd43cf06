/** Builders for the organisation and pitch tests. */
import type { Organisation, Pitch } from '@govcraft/shared';
import { OAKFIELD_PLACES } from '@govcraft/server/seed/demo-data';
import type { TestClient } from '../support/client';

const [parkLng, parkLat] = OAKFIELD_PLACES.park;

export function pitchBody(organisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organisationId,
    title: 'Replant the park borders',
    summary: 'We will clear and replant the borders along the park path with volunteers.',
    outcome: 'Both borders planted with native species, photographed before and after.',
    budgetPence: 30_000,
    deadline: new Date(Date.now() + 30 * 24 * 3600_000).toISOString(),
    location: { lat: parkLat, lng: parkLng, radiusM: 100 },
    milestones: [
      { title: 'Borders cleared', amountPence: 10_000, evidencedBy: 'Photos of the cleared beds' },
      { title: 'Plants in', amountPence: 15_000, evidencedBy: 'Receipts and photos of planting' },
      { title: 'Open day held', amountPence: 5_000, evidencedBy: 'Attendance sheet' },
    ],
    ...overrides,
  };
}

export async function createOrganisation(lead: TestClient, name: string): Promise<Organisation> {
  const res = await lead.post<Organisation>('/api/areas/oakfield/organisations', {
    name,
    kind: 'friends_group',
    description: 'Neighbours who look after the park together.',
  });
  if (res.status !== 201)
    throw new Error(`create organisation: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function draftPitch(
  member: TestClient,
  organisationId: string,
  overrides: Record<string, unknown> = {},
): Promise<Pitch> {
  const res = await member.post<Pitch>(
    '/api/areas/oakfield/pitches',
    pitchBody(organisationId, overrides),
  );
  if (res.status !== 201) throw new Error(`draft pitch: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
