import type { QuestStatus } from '../schemas/domain';

/**
 * Every legal quest status change, in one table. `proposed` is a resident's idea waiting
 * for an officer; `rejected` is its end. Officers may skip `published` when the start
 * time has already passed (publish straight to active). `reopened` is a completed quest
 * that residents (by quorum) or an officer found not fixed: live again with a new deadline,
 * back to `active` once a new completion is verified, or closed by the clock.
 */
export const QUEST_TRANSITIONS: Readonly<Record<QuestStatus, readonly QuestStatus[]>> = {
  proposed: ['draft', 'published', 'rejected'],
  rejected: [],
  draft: ['published', 'active', 'archived'],
  published: ['active', 'draft', 'closed'],
  active: ['closed', 'reopened'],
  closed: ['archived', 'active', 'reopened'],
  archived: [],
  reopened: ['active', 'closed'],
};

export function canTransition(from: QuestStatus, to: QuestStatus): boolean {
  return QUEST_TRANSITIONS[from].includes(to);
}

/** Statuses in which residents may see a quest on the public map. */
export const PUBLIC_QUEST_STATUSES: readonly QuestStatus[] = [
  'published',
  'active',
  'closed',
  'reopened',
];

/** Statuses in which a quest is on the map to be done: joinable, taking evidence. */
export const LIVE_QUEST_STATUSES: readonly QuestStatus[] = ['published', 'active', 'reopened'];

/** Statuses from which a completed quest may be reopened as not fixed. */
export const REOPENABLE_QUEST_STATUSES: readonly QuestStatus[] = ['active', 'closed'];

/** Statuses in which an officer may still edit the quest's fields. */
export const EDITABLE_QUEST_STATUSES: readonly QuestStatus[] = [
  'proposed',
  'draft',
  'published',
  'active',
  'reopened',
];

/** Why a move is refused, naming both states; null when the table allows it. */
export function transitionRefusal(from: QuestStatus, to: QuestStatus): string | null {
  if (canTransition(from, to)) return null;
  const allowed = QUEST_TRANSITIONS[from];
  const options = allowed.length
    ? `it can go to ${allowed.join(', ')}`
    : 'it cannot change any more';
  return `a quest cannot move from ${from} to ${to}; ${options}`;
}

export interface QuestTimes {
  status: QuestStatus;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The move the clock makes by itself at `now`, if any: a published quest becomes active at
 * startsAt, an active or reopened (or never-activated published) quest closes at endsAt. The delayed
 * jobs ask this again when they fire, so a stale or repeated job changes nothing.
 */
export function dueTransition(quest: QuestTimes, now: Date): 'active' | 'closed' | null {
  const t = now.getTime();
  const closes =
    quest.status === 'active' || quest.status === 'published' || quest.status === 'reopened';
  if (closes && quest.endsAt.getTime() <= t) return 'closed';
  if (quest.status === 'published' && quest.startsAt.getTime() <= t) return 'active';
  return null;
}
