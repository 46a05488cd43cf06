import type { QuestStatus } from '../schemas/domain';

/**
 * Every legal quest status change, in one table. `proposed` is a resident's idea waiting
 * for an officer; `rejected` is its end. Officers may skip `published` when the start
 * time has already passed (publish straight to active).
 */
export const QUEST_TRANSITIONS: Readonly<Record<QuestStatus, readonly QuestStatus[]>> = {
  proposed: ['draft', 'published', 'rejected'],
  rejected: [],
  draft: ['published', 'active', 'archived'],
  published: ['active', 'draft', 'closed'],
  active: ['closed'],
  closed: ['archived', 'active'],
  archived: [],
};

export function canTransition(from: QuestStatus, to: QuestStatus): boolean {
  return QUEST_TRANSITIONS[from].includes(to);
}

/** Statuses in which residents may see a quest on the public map. */
export const PUBLIC_QUEST_STATUSES: readonly QuestStatus[] = ['published', 'active', 'closed'];

/** Statuses in which an officer may still edit the quest's fields. */
export const EDITABLE_QUEST_STATUSES: readonly QuestStatus[] = [
  'proposed',
  'draft',
  'published',
  'active',
];
