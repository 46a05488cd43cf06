/**
 * Demo time credits and ratings: two partners with offers, credits earned by the demo
 * residents on two completed quests (one already spent on a code), and their ratings of
 * those quests' outcomes.
 */
import { randomUUID } from 'node:crypto';
import {
  ZCreateOfferRequest,
  ZCreatePartnerRequest,
  ZCreateQuestRequest,
  type Superpower,
} from '@govcraft/shared';
import type { Infra } from '../context';
import type { Services } from '../services';
import { OAKFIELD_PLACES } from './demo-data';

const DAY = 86_400_000;

const COMPLETED = [
  {
    title: 'Plant bulbs along the towpath',
    problem: 'The canal towpath verge is bare mud all spring.',
    desiredOutcome: 'Five hundred bulbs planted between the lock and the bridge.',
    place: 'canal',
    superpowers: ['blissful_productivity', 'social_fabric'] as Superpower[],
    ratings: [5, 4],
  },
  {
    title: 'Tea and a chat at the community centre',
    problem: 'Older neighbours on Victoria Street rarely get out in winter.',
    desiredOutcome: 'A Thursday afternoon tea with at least ten neighbours.',
    place: 'community',
    superpowers: ['social_fabric'] as Superpower[],
    ratings: [4, 3],
  },
] as const;

export async function seedDemoCredits(
  infra: Pick<Infra, 'clock'>,
  services: Pick<Services, 'quests' | 'credits' | 'ratings'>,
  demo: { slug: string; areaId: string; officerId: string; residentIds: [string, string] },
): Promise<void> {
  const [amara, ben] = demo.residentIds;
  const now = infra.clock.now().getTime();
  const questIds: string[] = [];
  for (const q of COMPLETED) {
    const [lng, lat] = OAKFIELD_PLACES[q.place];
    const quest = await services.quests.create(
      demo.officerId,
      demo.slug,
      ZCreateQuestRequest.parse({
        title: q.title,
        problem: q.problem,
        desiredOutcome: q.desiredOutcome,
        location: { lat, lng, radiusM: 150 },
        startsAt: new Date(now - 7 * DAY).toISOString(),
        endsAt: new Date(now + DAY).toISOString(),
        xp: 80,
        superpowers: q.superpowers,
        evidenceRules: { text: true },
        publish: true,
      }),
    );
    await services.quests.transition(demo.officerId, quest.id, 'closed');
    questIds.push(quest.id);
    for (const [i, userId] of [amara, ben].entries())
      await services.ratings.rate(userId, quest.id, { stars: q.ratings[i]!, comment: null });
  }

  // Credits as verified participation pays them (one award per person and quest).
  await services.credits.issueForAwards(
    questIds.flatMap((questId) =>
      [amara, ben].map((userId) => ({
        userId,
        teamId: null,
        areaId: demo.areaId,
        questId,
        evidenceId: randomUUID(),
        amount: 80,
        bySuperpower: {
          urgent_optimism: 0,
          social_fabric: 80,
          blissful_productivity: 0,
          epic_meaning: 0,
        },
        at: new Date(now),
      })),
    ),
  );

  const leisure = await services.credits.createPartner(
    demo.officerId,
    demo.slug,
    ZCreatePartnerRequest.parse({
      name: 'Oakfield Leisure Centre',
      description: 'Pool, gym and climbing wall on Station Road.',
      staffEmails: ['ben@oakfield.example'],
    }),
  );
  const cafe = await services.credits.createPartner(
    demo.officerId,
    demo.slug,
    ZCreatePartnerRequest.parse({
      name: 'The Lock Keeper’s Café',
      description: 'Community café by the canal lock.',
      staffEmails: ['amara@oakfield.example'],
    }),
  );
  const swim = await services.credits.createOffer(
    ben,
    leisure.id,
    ZCreateOfferRequest.parse({
      title: 'A swim or gym session',
      description: 'Any session, any day, including the Sunday family swim.',
      cost: 1,
    }),
  );
  await services.credits.createOffer(
    ben,
    leisure.id,
    ZCreateOfferRequest.parse({
      title: 'Climbing wall taster',
      description: 'An hour on the wall with an instructor and kit.',
      cost: 2,
      perResidentLimit: 1,
    }),
  );
  await services.credits.createOffer(
    amara,
    cafe.id,
    ZCreateOfferRequest.parse({
      title: 'Tea and cake',
      description: 'A pot of tea and a slice of the day’s cake.',
      cost: 1,
      totalLimit: 50,
    }),
  );
  await services.credits.redeem(ben, swim.id);
}
