/**
 * Demo organisations and pitches: Friends of Oakfield Park (led by Amara, with Ben) is
 * verified and has an approved pitch running as a quest, its first milestone evidenced and
 * paid, so the pitch page shows money released against evidence on first start.
 */
import { OAKFIELD_PLACES } from './demo-data';
import type { Services } from '../services';

const DAY_MS = 24 * 3600_000;

export async function seedDemoOrganisations(
  services: Pick<Services, 'organisations'>,
  demo: { slug: string; officerId: string; leadId: string; memberId: string },
): Promise<void> {
  const { organisations: orgs, pitches } = services.organisations;
  const org = await orgs.create(demo.leadId, demo.slug, {
    name: 'Friends of Oakfield Park',
    kind: 'friends_group',
    description:
      'Neighbours who look after Oakfield Park: litter picks, planting and the summer fair.',
  });
  if (org.inviteCode) await orgs.join(demo.memberId, org.inviteCode);
  await orgs.verify(demo.officerId, demo.slug, org.id);
  const [lng, lat] = OAKFIELD_PLACES.park;
  const draft = await pitches.create(demo.leadId, demo.slug, {
    organisationId: org.id,
    title: 'Bring the park pond back to life',
    summary:
      'Clear the choked pond, plant its margins with native species and run two open days ' +
      'so neighbours can see the wildlife return.',
    outcome: 'Pond cleared and planted, with before/after photos and a pond-dipping survey.',
    budgetPence: 240_000,
    deadline: new Date(Date.now() + 60 * DAY_MS).toISOString(),
    location: { lat, lng, radiusM: 120 },
    milestones: [
      { title: 'Pond cleared', amountPence: 80_000, evidencedBy: 'Before/after photos' },
      { title: 'Margins planted', amountPence: 120_000, evidencedBy: 'Plant receipts and photos' },
      { title: 'Two open days held', amountPence: 40_000, evidencedBy: 'Attendance sheets' },
    ],
  });
  await pitches.submit(demo.leadId, draft.id);
  const approved = await pitches.decide(demo.officerId, demo.slug, draft.id, {
    decision: 'approve',
    note: 'Matches the park plan; budget checked against last year’s pond works.',
  });
  await pitches.release(demo.officerId, demo.slug, draft.id, approved.milestones[0]!.id, {
    evidence: 'Before/after photos of the cleared pond, checked on site by the parks officer',
  });
}
