import { describe, expect, it } from 'vitest';
import type { Quest } from '@govcraft/shared';
import { filterQuests, NO_FILTERS } from './quest-filter';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const H = 3_600_000;

function quest(id: string, over: Partial<Quest> = {}): Quest {
  return {
    id,
    areaId: '00000000-0000-4000-8000-000000000001',
    storylineId: null,
    title: id,
    problem: 'a problem here',
    desiredOutcome: 'an outcome there',
    location: { lat: 52.63, lng: -1.14, radiusM: 50 },
    startsAt: new Date(NOW - H).toISOString(),
    endsAt: new Date(NOW + 48 * H).toISOString(),
    status: 'active',
    xp: 50,
    superpowers: ['social_fabric'],
    evidenceRules: {
      checkin: true,
      photo: false,
      text: false,
      attestations: 0,
      officerSignOff: false,
    },
    teamSize: null,
    maxCompletions: null,
    reopenWindowDays: 30,
    completions: 0,
    proposedBy: null,
    rejectionReason: null,
    createdAt: new Date(NOW).toISOString(),
    updatedAt: new Date(NOW).toISOString(),
    ...over,
  };
}

describe('filterQuests', () => {
  const near = quest('near', { location: { lat: 52.6301, lng: -1.14, radiusM: 50 } });
  const far = quest('far', {
    location: { lat: 52.64, lng: -1.14, radiusM: 50 },
    superpowers: ['epic_meaning'],
    endsAt: new Date(NOW + 5 * H).toISOString(),
  });
  const draft = quest('draft', { status: 'draft' });
  const me = { lat: 52.63, lng: -1.14, accuracyM: 10 };

  it('hides drafts and closed quests, nearest first when your position is known', () => {
    const ids = filterQuests([far, draft, near], NO_FILTERS, me, NOW).map((l) => l.quest.id);
    expect(ids).toEqual(['near', 'far']);
  });

  it('orders by closing time without a position', () => {
    const ids = filterQuests([near, far], NO_FILTERS, null, NOW).map((l) => l.quest.id);
    expect(ids).toEqual(['far', 'near']);
  });

  it('filters by superpower, distance and time left', () => {
    const bySp = filterQuests([near, far], { ...NO_FILTERS, superpower: 'epic_meaning' }, me, NOW);
    expect(bySp.map((l) => l.quest.id)).toEqual(['far']);
    const byDistance = filterQuests([near, far], { ...NO_FILTERS, maxDistanceM: 500 }, me, NOW);
    expect(byDistance.map((l) => l.quest.id)).toEqual(['near']);
    const byTime = filterQuests([near, far], { ...NO_FILTERS, closesWithinH: 24 }, me, NOW);
    expect(byTime.map((l) => l.quest.id)).toEqual(['far']);
  });
});
