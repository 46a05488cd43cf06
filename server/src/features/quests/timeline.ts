/**
 * The public timeline of a quest: every status change with the role of who made it (never
 * a name), when and why, written in the transaction of the change itself, like a report's
 * history on FixMyStreet. Readable by whoever may read the quest.
 */
import type { Quest, QuestStatus, QuestStatusEvent, TimelineRole } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../accounts/actor';
import type { QuestStatusChangedFact } from './facts';
import * as repo from './repo';

/** One status change as the lifecycle records it and announces it after the commit. */
export interface StatusChange {
  questId: string;
  areaId: string;
  from: QuestStatus | null;
  to: QuestStatus;
  by: TimelineRole;
  reason: string | null;
  at: Date;
}

/** Whoever acts with an account through an officer's route is an officer; no one is the clock. */
export const roleOf = (actorId: string | null, by?: TimelineRole): TimelineRole =>
  by ?? (actorId ? 'officer' : 'system');

/** Writes the change on the timeline inside the caller's transaction. */
export async function recordStatusChange(tx: DbOrTx, change: StatusChange): Promise<void> {
  await repo.insertStatusEvent(tx, {
    questId: change.questId,
    fromStatus: change.from,
    toStatus: change.to,
    actorRole: change.by,
    reason: change.reason,
    at: change.at,
  });
}

export const factOf = (c: StatusChange): QuestStatusChangedFact => ({
  questId: c.questId,
  areaId: c.areaId,
  from: c.from,
  to: c.to,
  by: c.by,
  reason: c.reason,
  at: c.at.toISOString(),
});

function toStatusEvent(row: repo.StatusEventRow): QuestStatusEvent {
  return {
    from: (row.fromStatus as QuestStatus | null) ?? null,
    to: row.toStatus as QuestStatus,
    by: row.actorRole as TimelineRole,
    at: row.at.toISOString(),
    reason: row.reason,
  };
}

export interface TimelineDeps {
  /** Reads the quest with the same visibility as GET /api/quests/:questId (404 otherwise). */
  view: (actor: Actor | null, questId: string) => Promise<Quest>;
}

export function createTimeline(infra: Pick<Infra, 'db'>, deps: TimelineDeps) {
  /** The quest as its reader may see it, and its status changes, oldest first. */
  async function timeline(actor: Actor | null, questId: string) {
    const quest = await deps.view(actor, questId);
    const rows = await repo.listStatusEvents(infra.db, questId);
    return { quest, items: rows.map(toStatusEvent) };
  }
  return { timeline };
}
