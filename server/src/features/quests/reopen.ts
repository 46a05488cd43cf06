/**
 * Reopening a completed quest that is not fixed: by an officer's decision or a quorum of
 * residents' reports (decided above, in the not-fixed feature). The quest goes live again
 * as `reopened` with a new deadline, the completions it had stop counting (storylines,
 * maxCompletions; the XP paid stays), and a new verified completion makes it active again.
 */
import {
  REOPENABLE_QUEST_STATUSES,
  reopenDeadline,
  reportWindowEnd,
  type Quest,
  type QuestStatus,
  type TimelineRole,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError } from '../../lib/errors';
import type { QuestLifecycle } from './lifecycle';
import { present, rowOrThrow } from './model';
import * as repo from './repo';

export interface ReopenDeps {
  lifecycle: Pick<QuestLifecycle, 'move' | 'afterCommit'>;
}

/** What a "not fixed" report needs to know about a quest, answered in one call. */
export interface NotFixedState {
  quest: Quest;
  /** How many times it has been reopened: the round a report now belongs to. */
  round: number;
  /** The latest completion that counts; null when nothing counts. */
  completedAt: Date | null;
  /** Reports are taken until then; null when nothing counts. */
  until: Date | null;
  /** Completed and in a status that can be reopened (the window is the caller's check). */
  reportable: boolean;
  completerIds: string[];
  completerTeamIds: string[];
}

export interface ReopenInput {
  questId: string;
  actorId: string | null;
  by: TimelineRole;
  /** Public, on the timeline. */
  reason: string;
  endsAt?: Date | undefined;
  /** Residents' reports reopen their round only once: a later round means it already happened. */
  round?: number;
}

export function createReopen(infra: Pick<Infra, 'db' | 'clock' | 'logger'>, deps: ReopenDeps) {
  const { db } = infra;
  const now = () => infra.clock.now();

  async function notFixedState(questId: string): Promise<NotFixedState> {
    const row = await rowOrThrow(db, questId);
    const [round, done] = await Promise.all([
      repo.countReopens(db, questId),
      repo.currentCompletions(db, questId),
    ]);
    const completedAt = done.latestAt;
    return {
      quest: await present(db, row),
      round,
      completedAt,
      until: completedAt ? reportWindowEnd(completedAt, row.reopenWindowDays) : null,
      reportable:
        completedAt !== null && REOPENABLE_QUEST_STATUSES.includes(row.status as QuestStatus),
      completerIds: done.userIds,
      completerTeamIds: done.teamIds,
    };
  }

  /** Reopens the quest; null when a residents' round was already reopened (a repeat). */
  async function reopen(input: ReopenInput): Promise<Quest | null> {
    const result = await db.transaction(async (tx) => {
      const row = await rowOrThrow(tx, input.questId, true);
      if (input.round !== undefined && (await repo.countReopens(tx, row.id)) !== input.round) {
        return null;
      }
      if (!REOPENABLE_QUEST_STATUSES.includes(row.status as QuestStatus)) {
        throw new AppError(
          'conflict',
          `a ${row.status} quest cannot be reopened; only a completed active or closed quest can`,
        );
      }
      if ((await repo.markCompletionsReopened(tx, row.id)) === 0) {
        throw new AppError('conflict', 'this quest has no verified completion to reopen');
      }
      const endsAt = input.endsAt ?? reopenDeadline(now(), row);
      const after = await deps.lifecycle.move(
        tx,
        row,
        'reopened',
        input.actorId,
        { endsAt },
        { by: input.by, reason: input.reason },
      );
      return { before: row, after };
    });
    if (!result) return null;
    await deps.lifecycle.afterCommit(result.before, result.after);
    return present(db, result.after);
  }

  async function reopenByOfficer(
    actorId: string,
    questId: string,
    body: { reason: string; endsAt?: string | undefined },
  ): Promise<Quest> {
    const endsAt = body.endsAt ? new Date(body.endsAt) : undefined;
    if (endsAt && endsAt.getTime() <= now().getTime()) {
      throw AppError.field('endsAt', 'the new deadline must be in the future');
    }
    const quest = await reopen({ questId, actorId, by: 'officer', reason: body.reason, endsAt });
    return quest!;
  }

  /**
   * Listener for verified evidence: a reopened quest that is done again goes back to
   * active (it can then be reported again, in a new round).
   */
  async function resumeAfterCompletion(questIds: readonly string[]): Promise<void> {
    for (const questId of new Set(questIds)) {
      try {
        await resumeOne(questId);
      } catch (err) {
        // The clock closes it instead (say its deadline passed meanwhile); nothing is lost.
        infra.logger.warn({ err, questId }, 'reopened quest not moved back to active');
      }
    }
  }

  async function resumeOne(questId: string): Promise<void> {
    {
      const moved = await db.transaction(async (tx) => {
        const row = await repo.findQuestForUpdate(tx, questId);
        if (!row || row.status !== 'reopened') return null;
        const done = await repo.currentCompletions(tx, questId);
        if (done.userIds.length === 0) return null;
        const after = await deps.lifecycle.move(
          tx,
          row,
          'active',
          null,
          {},
          {
            by: 'system',
            reason: 'a new completion was verified',
          },
        );
        return { before: row, after };
      });
      if (moved) await deps.lifecycle.afterCommit(moved.before, moved.after);
    }
  }

  return { notFixedState, reopen, reopenByOfficer, resumeAfterCompletion };
}
