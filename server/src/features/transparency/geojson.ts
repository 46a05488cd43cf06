/**
 * An area's quests as an RFC 7946 FeatureCollection: one Point per quest at [lng, lat]
 * (WGS84), with what became of it. Closed quests stay in, and a quest that ended without
 * a verified completion says publicly that it failed, and why.
 */
import {
  OPEN_DATA_LICENCE,
  OPEN_DATA_LICENCE_URL,
  type QuestGeoJson,
  type QuestGeoJsonProperties,
  type QuestOutcome,
  type QuestStatus,
  type Superpower,
} from '@govcraft/shared';
import type { QuestRow } from './repo';

/** Statuses that stay out of open data: a resident's idea, its rejection, an officer's draft. */
export const PRIVATE_QUEST_STATUSES = ['proposed', 'rejected', 'draft'] as const;

/** Statuses after which a quest can no longer be done. */
const ENDED_STATUSES = new Set(['closed', 'archived', 'completed', 'failed']);

/** What each property of a feature means, published with the data. */
export const QUEST_GEOJSON_FIELDS: Record<keyof QuestGeoJsonProperties | 'id', string> = {
  id: 'Stable quest identifier (also the Feature id)',
  title: 'Short name of the problem',
  problem: 'The local problem, as the council described it',
  desiredOutcome: 'What done looks like',
  status: 'Where the quest is in its lifecycle (published, active, closed, archived, …)',
  outcome: 'open (can still be done), completed (verified completion), failed (ended without)',
  outcomeReason: 'Why the quest failed, in plain words; null unless outcome is failed',
  radiusM: 'Radius in metres around the point where check-ins count',
  startsAt: 'When the quest opened (ISO 8601)',
  endsAt: 'When the quest closes or closed (ISO 8601)',
  superpowers: 'What the quest trains, main one first',
  xpReward: 'XP offered per completion',
  storylineId: 'The storyline the quest serves, if any',
  verifiedCompletions: "Accepted pieces of evidence (a team's counts once)",
  xpPaid: 'XP the ledger paid for this quest (sum of its positive rows)',
  xpReversed: 'XP the ledger took back for this quest (sum of its reversals, as a positive number)',
  createdAt: 'When the quest was created (ISO 8601)',
};

export interface QuestFacts {
  quest: QuestRow;
  verifiedCompletions: number;
  xp: { paid: number; reversed: number } | undefined;
  /** The latest status change the audit log holds for the quest. */
  lastChange: { status: string | null; reason: string | null; at: Date } | undefined;
}

/** The outcome of a quest and, when it failed, the reason the public is given. */
export function questOutcome(
  facts: Pick<QuestFacts, 'quest' | 'verifiedCompletions' | 'lastChange'>,
): { outcome: QuestOutcome; reason: string | null } {
  const { quest, verifiedCompletions, lastChange } = facts;
  const current = lastChange?.status === quest.status ? lastChange : undefined;
  const given = current?.reason ?? null;
  if (quest.status === 'failed') return { outcome: 'failed', reason: given ?? 'Marked as failed.' };
  if (!ENDED_STATUSES.has(quest.status)) return { outcome: 'open', reason: null };
  if (verifiedCompletions > 0) return { outcome: 'completed', reason: null };
  // The day it was closed (by an officer or the clock), else the day it was due to end.
  const day = (current?.at ?? quest.endsAt).toISOString().slice(0, 10);
  return {
    outcome: 'failed',
    reason: given ?? `Closed on ${day} without a verified completion.`,
  };
}

export function questFeature(facts: QuestFacts): QuestGeoJson['features'][number] {
  const { quest } = facts;
  const { outcome, reason } = questOutcome(facts);
  return {
    type: 'Feature',
    id: quest.id,
    geometry: { type: 'Point', coordinates: [quest.lng, quest.lat] },
    properties: {
      title: quest.title,
      problem: quest.problem,
      desiredOutcome: quest.desiredOutcome,
      status: quest.status as QuestStatus,
      outcome,
      outcomeReason: reason,
      radiusM: quest.radiusM,
      startsAt: quest.startsAt.toISOString(),
      endsAt: quest.endsAt.toISOString(),
      superpowers: quest.superpowers as Superpower[],
      xpReward: quest.xp,
      storylineId: quest.storylineId,
      verifiedCompletions: facts.verifiedCompletions,
      xpPaid: facts.xp?.paid ?? 0,
      xpReversed: facts.xp?.reversed ?? 0,
      createdAt: quest.createdAt.toISOString(),
    },
  };
}

export function questCollection(
  area: { slug: string; name: string; archivedAt: string | null },
  generatedAt: Date,
  features: QuestGeoJson['features'],
): QuestGeoJson {
  return {
    type: 'FeatureCollection',
    area: { slug: area.slug, name: area.name, archived: area.archivedAt !== null },
    generatedAt: generatedAt.toISOString(),
    licence: OPEN_DATA_LICENCE,
    licenceUrl: OPEN_DATA_LICENCE_URL,
    fields: QUEST_GEOJSON_FIELDS,
    features,
  };
}
