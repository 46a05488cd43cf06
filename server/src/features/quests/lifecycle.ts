/**
 * The one place a quest's status changes, and what follows the commit: the delayed jobs
 * that make the clock's moves (activate at startsAt, close at endsAt), the sweep that makes
 * the moves whose job was lost, and the realtime events that tell the area.
 */
import { DelayedError, type Job } from 'bullmq';
import {
  PUBLIC_QUEST_STATUSES,
  canTransition,
  dueTransition,
  rooms,
  transitionRefusal,
  type QuestStatus,
  type TimelineRole,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import {
  applyOverdueMovesJob,
  createQuestLifecycleJobs,
  lifecycleJobId,
  type LifecycleMove,
} from './jobs';
import { isLive, present, rowOrThrow } from './model';
import * as repo from './repo';
import { factOf, recordStatusChange, roleOf, type StatusChange } from './timeline';

/** A move this late was missed by its delayed job (which fires within a second). */
const OVERDUE_GRACE_MS = 2 * 60_000;
const OVERDUE_BATCH = 500;

export interface LifecycleDeps {
  audit: Pick<AuditService, 'record'>;
}

export function createLifecycle(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'logger' | 'io' | 'events'>,
  deps: LifecycleDeps,
) {
  const now = () => infra.clock.now();

  /**
   * The changes made on the way to a row, so `afterCommit` announces each of them (publish
   * straight to active is two). Keyed by the row `move` answered; gone with it.
   */
  const changesOf = new WeakMap<repo.QuestRow, StatusChange[]>();

  /**
   * Moves a quest to `to` if the lifecycle table allows it, with its audit row and its
   * public timeline row in `tx`. Going live needs an end in the future: a quest nobody
   * could ever do is refused. `meta.by` is the role the timeline shows (default: officer
   * when someone acts, system for the clock); `meta.reason` why, in public words.
   */
  async function move(
    tx: DbOrTx,
    row: repo.QuestRow,
    to: QuestStatus,
    actorId: string | null,
    extra: Partial<repo.NewQuestRow> = {},
    meta: { by?: TimelineRole; reason?: string | null } = {},
  ): Promise<repo.QuestRow> {
    const refusal = transitionRefusal(row.status as QuestStatus, to);
    if (refusal) throw new AppError('illegal_transition', refusal);
    const endsAt = extra.endsAt ?? row.endsAt;
    if (isLive(to) && endsAt.getTime() <= now().getTime()) {
      throw AppError.field('endsAt', 'this quest has already ended; move endsAt later first');
    }
    const at = now();
    const after = await repo.updateQuest(tx, row.id, { ...extra, status: to }, at);
    const change: StatusChange = {
      questId: row.id,
      areaId: row.areaId,
      from: row.status as QuestStatus,
      to,
      by: roleOf(actorId, meta.by),
      reason: meta.reason ?? extra.rejectionReason ?? null,
      at,
    };
    await recordStatusChange(tx, change);
    changesOf.set(after, [...(changesOf.get(row) ?? []), change]);
    await deps.audit.record(tx, {
      areaId: row.areaId,
      actorId,
      action: `quest.${to}`,
      entityType: 'quest',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, ...(change.reason ? { reason: change.reason } : {}) },
    });
    return after;
  }

  /** Publishing puts a quest on the map; if its start has passed it goes straight to active. */
  async function publish(tx: DbOrTx, row: repo.QuestRow, actorId: string | null) {
    const published = await move(tx, row, 'published', actorId);
    return published.startsAt.getTime() <= now().getTime()
      ? move(tx, published, 'active', actorId)
      : published;
  }

  const jobs = createQuestLifecycleJobs(runDueMove);

  async function removeJob(kind: LifecycleMove, questId: string) {
    try {
      await infra.jobs.queue('quest-lifecycle').remove(lifecycleJobId(kind, questId));
    } catch (err) {
      // A running job is locked and cannot be removed; it re-checks the quest when it runs.
      infra.logger.debug({ err, questId, move: kind }, 'lifecycle job not removed');
    }
  }

  /** Makes the delayed jobs match the quest: remove both, add what its status still needs. */
  async function syncLifecycleJobs(row: repo.QuestRow) {
    await Promise.all([removeJob('activate', row.id), removeJob('close', row.id)]);
    const t = now().getTime();
    const schedule = (kind: LifecycleMove, at: Date) =>
      infra.jobs.add(
        jobs[kind],
        { questId: row.id },
        { jobId: lifecycleJobId(kind, row.id), delay: Math.max(0, at.getTime() - t) },
      );
    if (row.status === 'published') await schedule('activate', row.startsAt);
    if (isLive(row.status)) await schedule('close', row.endsAt);
  }

  /** After a committed change: delayed jobs follow the status and dates, then the area hears. */
  async function afterCommit(before: repo.QuestRow | null, after: repo.QuestRow) {
    const statusChanged = before?.status !== after.status;
    const datesChanged =
      before?.startsAt.getTime() !== after.startsAt.getTime() ||
      before?.endsAt.getTime() !== after.endsAt.getTime();
    if (statusChanged || datesChanged) {
      try {
        await syncLifecycleJobs(after);
      } catch (err) {
        infra.logger.error({ err, questId: after.id }, 'could not schedule quest lifecycle jobs');
      }
    }
    await emitChange(before, after);
    if (statusChanged) {
      const changes = changesOf.get(after) ?? [createdAs(after)];
      for (const change of changes) {
        await infra.events.publish('quest.statusChanged', factOf(change));
      }
    }
  }

  /** A new quest's first status, for a quest that was created without a move. */
  function createdAs(row: repo.QuestRow): StatusChange {
    const by = row.proposedBy ? 'resident' : row.createdBy ? 'officer' : 'system';
    const at = row.createdAt;
    const to = row.status as QuestStatus;
    return { questId: row.id, areaId: row.areaId, from: null, to, by, reason: null, at };
  }

  async function emitChange(before: repo.QuestRow | null, after: repo.QuestRow) {
    const room = infra.io.to(rooms.area(after.areaId));
    const wasLive = !!before && isLive(before.status);
    if (isLive(after.status) && !wasLive) {
      room.emit('quest:published', { quest: await present(infra.db, after) });
    } else if (wasLive && !isLive(after.status)) {
      room.emit('quest:closed', { questId: after.id, areaId: after.areaId });
    } else if (PUBLIC_QUEST_STATUSES.includes(after.status as QuestStatus)) {
      room.emit('quest:updated', { quest: await present(infra.db, after) });
    }
  }

  /** Makes a move if it is still legal and due; the delayed jobs and the sweep share it. */
  async function applyDueMove(kind: LifecycleMove, questId: string) {
    const target = kind === 'activate' ? 'active' : 'closed';
    const result = await infra.db.transaction(async (tx) => {
      const row = await repo.findQuestForUpdate(tx, questId);
      if (!row) return { outcome: 'quest gone' as const };
      if (dueTransition({ ...row, status: row.status as QuestStatus }, now()) === target) {
        return { outcome: 'moved' as const, before: row, after: await move(tx, row, target, null) };
      }
      const dueAt = kind === 'activate' ? row.startsAt : row.endsAt;
      const waiting = kind === 'activate' ? row.status === 'published' : isLive(row.status);
      return waiting && dueAt.getTime() > now().getTime()
        ? { outcome: 'early' as const, dueAt }
        : { outcome: 'nothing to do' as const };
    });
    if (result.outcome === 'moved') await afterCommit(result.before, result.after);
    return result;
  }

  /** The delayed jobs' handler: acts only if the move is still legal and due. */
  async function runDueMove(kind: LifecycleMove, questId: string, job: Job): Promise<string> {
    const result = await applyDueMove(kind, questId);
    if (result.outcome === 'moved') return `${kind}d`;
    if (result.outcome === 'early') {
      // Fired before its time (dates moved while it ran): wait again instead of acting now.
      await job.moveToDelayed(result.dueAt.getTime(), job.token);
      throw new DelayedError();
    }
    return result.outcome;
  }

  /**
   * Moves every quest whose move was due more than OVERDUE_GRACE_MS before `at`: a delayed
   * job does that within a second, so these are the ones whose job was lost.
   */
  async function applyOverdueMoves(at: Date = now()): Promise<{ moved: number }> {
    const cutoff = new Date(at.getTime() - OVERDUE_GRACE_MS);
    const rows = await repo.listOverdue(infra.db, cutoff, OVERDUE_BATCH);
    let moved = 0;
    for (const row of rows) {
      const due = dueTransition({ ...row, status: row.status as QuestStatus }, now());
      if (!due) continue;
      const result = await applyDueMove(due === 'active' ? 'activate' : 'close', row.id);
      if (result.outcome === 'moved') moved += 1;
    }
    if (moved > 0) infra.logger.warn({ moved }, 'moved quests whose lifecycle job was lost');
    return { moved };
  }
  const overdueJob = applyOverdueMovesJob(() => applyOverdueMoves());

  /** An officer's explicit move (publish, retire, reopen …); illegal moves are a 409. */
  async function transition(actorId: string, questId: string, to: QuestStatus) {
    const { before, after } = await infra.db.transaction(async (tx) => {
      const row = await rowOrThrow(tx, questId, true);
      if (to === 'reopened' && canTransition(row.status as QuestStatus, to)) {
        // Reopening also takes the completions out of the count and sets a new deadline.
        throw new AppError(
          'conflict',
          'to reopen a quest, use POST /api/quests/{questId}/reopen with a public reason',
        );
      }
      return { before: row, after: await move(tx, row, to, actorId) };
    });
    await afterCommit(before, after);
    return present(infra.db, after);
  }

  return {
    move,
    publish,
    afterCommit,
    transition,
    applyOverdueMoves,
    lifecycleJobs: jobs,
    jobs: [jobs.activate, jobs.close, overdueJob],
  };
}
export type QuestLifecycle = ReturnType<typeof createLifecycle>;
