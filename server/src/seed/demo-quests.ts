import { ZCreateQuestRequest, ZCreateStorylineRequest, type Superpower } from '@govcraft/shared';
import type { Infra } from '../context';
import type { Services } from '../services';
import { OAKFIELD_PLACES } from './demo-data';

export interface DemoAreaRef {
  areaId: string;
  slug: string;
  officerId: string;
}

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Metres per degree of longitude at Oakfield's latitude (about 52.6° N). */
const METRES_PER_DEGREE_LNG = 67_600;

interface DemoQuest {
  title: string;
  problem: string;
  desiredOutcome: string;
  place: keyof typeof OAKFIELD_PLACES;
  /** Moves the marker west of the named spot so two quests there do not overlap. */
  nudgeWestM?: number;
  radiusM: number;
  /** Offsets from now: negative start = already running. */
  startIn: number;
  endIn: number;
  xp: number;
  superpowers: Superpower[];
  evidence: { checkin?: boolean; photo?: boolean; text?: boolean; attestations?: number };
  teamSize?: number;
  inStoryline?: boolean;
}

const QUESTS: DemoQuest[] = [
  {
    // A note is enough: nobody is left out of the game for want of a smartphone.
    title: 'Tell us what Oakfield Park needs',
    problem: 'The council is planning next year’s park budget and wants residents’ ideas.',
    desiredOutcome: 'A short note on one thing that would make the park better for you.',
    place: 'park',
    nudgeWestM: 15,
    radiusM: 200,
    startIn: -1 * DAY,
    endIn: 12 * DAY,
    xp: 30,
    superpowers: ['epic_meaning', 'social_fabric'],
    evidence: { text: true },
  },
  {
    title: 'Clear the graffiti in the Elm Road underpass',
    problem: 'The underpass by Elm Road is covered in graffiti and feels unsafe after dark.',
    desiredOutcome: 'Both walls clean, photographed in daylight, paint supplied by the council.',
    place: 'underpass',
    radiusM: 60,
    startIn: -2 * DAY,
    endIn: 6 * HOUR,
    xp: 120,
    superpowers: ['urgent_optimism', 'blissful_productivity'],
    evidence: { checkin: true, photo: true },
    inStoryline: true,
  },
  {
    title: 'Litter pick around Oakfield Park',
    problem: 'Litter gathers along the park paths after the weekend.',
    desiredOutcome: 'Two full bags collected and left at the park gate for pickup.',
    place: 'park',
    radiusM: 150,
    startIn: -1 * DAY,
    endIn: 2 * DAY,
    xp: 60,
    superpowers: ['blissful_productivity'],
    evidence: { checkin: true, photo: true },
    inStoryline: true,
  },
  {
    title: 'Rescue the duck pond',
    problem: 'Plastic and weed are choking the pond; the ducks have little open water.',
    desiredOutcome: 'Floating litter removed and the reed edge cleared along one side.',
    place: 'pond',
    radiusM: 80,
    startIn: -3 * HOUR,
    endIn: 5 * DAY,
    xp: 150,
    superpowers: ['epic_meaning', 'social_fabric', 'blissful_productivity'],
    evidence: { checkin: true, photo: true, attestations: 1 },
    teamSize: 3,
    inStoryline: true,
  },
  {
    title: 'Walking bus to Oakfield Primary',
    problem: 'Parents worry about the busy crossing by the school in the morning.',
    desiredOutcome: 'One adult walks a group of pupils safely to the school gate.',
    place: 'school',
    radiusM: 100,
    startIn: -1 * DAY,
    endIn: 9 * DAY,
    xp: 80,
    superpowers: ['social_fabric', 'urgent_optimism'],
    evidence: { checkin: true, text: true },
  },
  {
    title: 'Read with a child at the library',
    problem: 'The library has more young readers than volunteer listeners.',
    desiredOutcome: 'Half an hour of reading with a child at the Saturday session.',
    place: 'library',
    radiusM: 50,
    startIn: -2 * DAY,
    endIn: 14 * DAY,
    xp: 70,
    superpowers: ['social_fabric', 'epic_meaning'],
    evidence: { checkin: true, attestations: 1 },
  },
  {
    title: 'Report broken paving on the High Street',
    problem: 'Cracked slabs on the High Street are a trip hazard for older residents.',
    desiredOutcome: 'Each broken slab photographed and described so the council can fix it.',
    place: 'highstreet',
    radiusM: 200,
    startIn: -6 * HOUR,
    endIn: 20 * HOUR,
    xp: 40,
    superpowers: ['urgent_optimism'],
    evidence: { photo: true, text: true },
  },
  {
    title: 'Help set up the Saturday market',
    problem: 'Stallholders need hands to put up gazebos early on Saturday.',
    desiredOutcome: 'Gazebos up and tables out by 8 am.',
    place: 'market',
    radiusM: 80,
    startIn: -1 * HOUR,
    endIn: 3 * DAY,
    xp: 50,
    superpowers: ['social_fabric', 'blissful_productivity'],
    evidence: { checkin: true },
  },
  {
    title: 'A hot Sunday lunch for Park Lane',
    problem: 'Three elderly residents on Park Lane need a hot meal on Sundays.',
    desiredOutcome: 'A hot meal delivered and a friendly chat with each resident.',
    place: 'parklane',
    radiusM: 120,
    startIn: -2 * DAY,
    endIn: 4 * DAY,
    xp: 100,
    superpowers: ['social_fabric', 'epic_meaning'],
    evidence: { checkin: true, text: true, attestations: 1 },
  },
  {
    title: 'Plant bulbs in the community garden',
    problem: 'The beds by the community centre are bare all spring.',
    desiredOutcome: 'A bed planted with spring bulbs, watered and labelled.',
    place: 'community',
    radiusM: 70,
    startIn: -4 * DAY,
    endIn: 21 * DAY,
    xp: 60,
    superpowers: ['blissful_productivity', 'epic_meaning'],
    evidence: { checkin: true, photo: true },
    inStoryline: true,
  },
  {
    title: 'Towpath clean-up along the canal',
    problem: 'Fly-tipped rubbish lines the canal towpath near the bridge.',
    desiredOutcome: 'The stretch between the bridge and the lock cleared and bagged.',
    place: 'canal',
    radiusM: 250,
    startIn: -12 * HOUR,
    endIn: 10 * DAY,
    xp: 90,
    superpowers: ['urgent_optimism', 'epic_meaning'],
    evidence: { checkin: true, photo: true },
    inStoryline: true,
  },
  {
    title: 'Wildflower survey on the meadow',
    problem: 'Nobody knows which wildflowers came back after last year’s sowing.',
    desiredOutcome: 'A list of species seen in one square, with a photo of each.',
    place: 'meadow',
    radiusM: 200,
    startIn: 2 * DAY,
    endIn: 16 * DAY,
    xp: 70,
    superpowers: ['epic_meaning'],
    evidence: { photo: true, text: true },
  },
  {
    title: 'Allotment open day helpers',
    problem: 'The allotment society needs help welcoming visitors at its open day.',
    desiredOutcome: 'Two hours on the welcome table, pointing visitors to the plots.',
    place: 'allotments',
    radiusM: 150,
    startIn: 5 * DAY,
    endIn: 6 * DAY,
    xp: 50,
    superpowers: ['social_fabric'],
    evidence: { checkin: true, attestations: 1 },
  },
];

/** The storyline and quests of the demo area, created through the services like an officer. */
export async function seedDemoQuests(
  infra: Infra,
  services: Services,
  area: DemoAreaRef,
): Promise<void> {
  const storyline = await services.storylines.create(
    area.officerId,
    area.slug,
    ZCreateStorylineRequest.parse({
      title: 'The Green Mile',
      narrative:
        'Oakfield’s green spaces have been neglected for years. Together we will bring one green mile back to life, from the underpass to the canal.',
      goal: 100,
      chapters: [
        {
          title: 'First steps',
          threshold: 0,
          narrative:
            'Neighbours meet at the underpass with brushes and bags. The mile starts here.',
        },
        {
          title: 'The park wakes up',
          threshold: 10,
          narrative:
            'Paths are clear again and the pond has open water. Families come back on Sundays.',
        },
        {
          title: 'Blooming',
          threshold: 40,
          narrative:
            'Bulbs push through in the community garden; the towpath is a place to walk again.',
        },
        {
          title: 'The Green Mile',
          threshold: 100,
          narrative:
            'One unbroken mile of cared-for green, looked after by the people who live beside it.',
        },
      ],
    }),
  );
  const now = infra.clock.now().getTime();
  for (const q of QUESTS) {
    const [placeLng, lat] = OAKFIELD_PLACES[q.place];
    const lng = placeLng - (q.nudgeWestM ?? 0) / METRES_PER_DEGREE_LNG;
    await services.quests.create(
      area.officerId,
      area.slug,
      ZCreateQuestRequest.parse({
        title: q.title,
        problem: q.problem,
        desiredOutcome: q.desiredOutcome,
        location: { lat, lng, radiusM: q.radiusM },
        startsAt: new Date(now + q.startIn).toISOString(),
        endsAt: new Date(now + q.endIn).toISOString(),
        xp: q.xp,
        superpowers: q.superpowers,
        evidenceRules: q.evidence,
        teamSize: q.teamSize ?? null,
        storylineId: q.inStoryline ? storyline.id : null,
        publish: true,
      }),
    );
  }
}
