/**
 * The demo participatory budget: Oakfield's community fund, in voting, with five feasible
 * projects (one more marked not feasible, with its reason) and two ballots cast, so the
 * ballot cart and the officer console have something to show on first start.
 */
import type { ProposeBudgetProjectRequest } from '@govcraft/shared';
import type { Services } from '../services';
import { OAKFIELD_PLACES } from './demo-data';

const DAY_MS = 24 * 3600_000;

const at = (place: keyof typeof OAKFIELD_PLACES) => {
  const [lng, lat] = OAKFIELD_PLACES[place];
  return { lat, lng };
};

const PROJECTS: (ProposeBudgetProjectRequest & { feasible: boolean; reason: string })[] = [
  {
    title: 'Benches and shade by the pond',
    description: 'Three sturdy benches and two trees for shade beside the pond path.',
    costPence: 800_000,
    location: at('pond'),
    feasible: true,
    reason: 'Parks team confirmed the site and the price.',
  },
  {
    title: 'Safer underpass lighting',
    description: 'Bright LED lighting and a mural in the underpass so it feels safe at night.',
    costPence: 1_200_000,
    location: at('underpass'),
    feasible: true,
    reason: 'Highways can install it within the year at this cost.',
  },
  {
    title: 'Raised beds at the allotments',
    description: 'Accessible raised beds so wheelchair users and older residents can grow food.',
    costPence: 450_000,
    location: at('allotments'),
    feasible: true,
    reason: 'Allotment society will maintain them; cost checked.',
  },
  {
    title: 'Library homework club kit',
    description: 'Laptops and a printer for the after-school homework club at the library.',
    costPence: 600_000,
    location: at('library'),
    feasible: true,
    reason: 'Library service will host and insure the kit.',
  },
  {
    title: 'Canal towpath litter bins',
    description: 'Ten new litter bins with recycling along the canal towpath.',
    costPence: 300_000,
    location: at('canal'),
    feasible: true,
    reason: 'Waste team will add them to the collection round.',
  },
  {
    title: 'Covered market roof',
    description: 'A permanent glass roof over the whole market square for year-round trading.',
    costPence: 2_400_000,
    location: at('market'),
    feasible: false,
    reason: 'The square is a listed space; a permanent roof needs planning consent first.',
  },
];

export async function seedDemoBudgets(
  services: Pick<Services, 'budgets'>,
  demo: { slug: string; officerId: string; residentIds: string[] },
): Promise<void> {
  const { budgets } = services;
  const now = Date.now();
  const round = await budgets.open(demo.officerId, demo.slug, {
    title: 'Oakfield Community Fund 2026',
    amountPence: 2_500_000,
    proposalsEndAt: new Date(now + 60_000).toISOString(),
    feasibilityEndAt: new Date(now + 2 * 60_000).toISOString(),
    votingEndAt: new Date(now + 21 * DAY_MS).toISOString(),
    minProjects: 1,
    maxProjects: 4,
  });
  const ids: string[] = [];
  for (const [i, { feasible: _f, reason: _r, ...project }] of PROJECTS.entries()) {
    const proposer = demo.residentIds[i % demo.residentIds.length]!;
    ids.push((await budgets.propose(proposer, round.id, project)).id);
  }
  await budgets.advance(demo.officerId, round.id, 'proposals');
  for (const [i, project] of PROJECTS.entries()) {
    await budgets.decideFeasibility(demo.officerId, ids[i]!, {
      feasible: project.feasible,
      reason: project.reason,
    });
  }
  await budgets.advance(demo.officerId, round.id, 'feasibility');
  const [first, second] = demo.residentIds;
  if (first) await budgets.castBallot(first, round.id, { projectIds: [ids[0]!, ids[1]!] });
  if (second) await budgets.castBallot(second, round.id, { projectIds: [ids[1]!, ids[4]!] });
}
