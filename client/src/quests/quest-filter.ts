/** The quest list's filters and order, shared with the map so both show the same quests. */
import {
  haversineMetres,
  LIVE_QUEST_STATUSES,
  type Quest,
  type Superpower,
} from '@govcraft/shared';
import type { UserPosition } from '../map/bridge';

export interface QuestFilters {
  superpower: Superpower | 'any';
  /** Metres from you, or null for any distance. */
  maxDistanceM: number | null;
  /** Hours until it closes, or null for any. */
  closesWithinH: number | null;
}

export const NO_FILTERS: QuestFilters = {
  superpower: 'any',
  maxDistanceM: null,
  closesWithinH: null,
};

/** Quests residents can take part in now or soon: published (upcoming), active, reopened. */
export const isOnMap = (q: Quest) => LIVE_QUEST_STATUSES.includes(q.status);

export interface ListedQuest {
  quest: Quest;
  distanceM: number | null;
}

export function filterQuests(
  quests: Iterable<Quest>,
  filters: QuestFilters,
  position: UserPosition | null,
  now: number,
): ListedQuest[] {
  const out: ListedQuest[] = [];
  for (const quest of quests) {
    if (!isOnMap(quest)) continue;
    if (filters.superpower !== 'any' && !quest.superpowers.includes(filters.superpower)) continue;
    const distanceM = position ? haversineMetres(position, quest.location) : null;
    if (filters.maxDistanceM !== null && distanceM !== null && distanceM > filters.maxDistanceM)
      continue;
    if (
      filters.closesWithinH !== null &&
      Date.parse(quest.endsAt) - now > filters.closesWithinH * 3_600_000
    )
      continue;
    out.push({ quest, distanceM });
  }
  // Nearest first when we know where you are; otherwise the most urgent first.
  return out.sort((a, b) =>
    a.distanceM !== null && b.distanceM !== null
      ? a.distanceM - b.distanceM
      : Date.parse(a.quest.endsAt) - Date.parse(b.quest.endsAt),
  );
}
