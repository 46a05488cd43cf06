/**
 * Statuses going back: when a linked quest completes, fails, closes or reopens, a push row
 * is written (the outbox) and a job sends it with retries and backoff. A remote's 429 or
 * 503 with Retry-After waits as long as it asked; a refusal (4xx) or the last failed attempt
 * makes the push a dead letter officers see and can send again.
 */
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { open311StatusOf, questStatusNote } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import type { QuestStatusChangedFact } from '../quests/facts';
import { RemoteError, type CaseSystemAdapter } from './adapter';
import * as repo from './repo';

/** Moves an outside system hears about: the Open311 status flips, or an outcome is reached. */
const OUTCOMES = ['closed', 'completed', 'failed', 'reopened'];
export const shouldPush = (from: string | null, to: string) =>
  from !== null && (open311StatusOf(from) !== open311StatusOf(to) || OUTCOMES.includes(to));

export type EnqueuePush = (pushId: string, attempt: number) => Promise<void>;

export function createPusher(
  infra: Pick<Infra, 'db' | 'clock' | 'logger'>,
  deps: { adapterFor: (c: repo.ConnectionRow) => CaseSystemAdapter; enqueue: EnqueuePush },
) {
  const now = () => infra.clock.now();

  /** Listener: a linked quest moved; write the push and queue it. */
  async function onQuestMove(fact: QuestStatusChangedFact) {
    if (!shouldPush(fact.from, fact.to)) return;
    const linked = await repo.linkOfQuest(infra.db, fact.questId);
    if (!linked || linked.connection.kind === 'csv') return;
    const push = await repo.insertPush(infra.db, {
      linkId: linked.link.id,
      connectionId: linked.connection.id,
      questStatus: fact.to,
      status: open311StatusOf(fact.to),
      note: questStatusNote(fact.to, fact.reason),
    });
    await deps.enqueue(push.id, 0);
  }

  async function markDead(id: string, attempts: number, error: string) {
    await repo.updatePush(infra.db, id, {
      state: 'dead',
      attempts,
      lastError: error.slice(0, 500),
    });
  }

  /** The push job: sends once; the job's retries and the remote's Retry-After do the rest. */
  async function send(pushId: string, job: Job): Promise<string> {
    const found = await repo.pushById(infra.db, pushId);
    if (!found || found.push.state !== 'pending') return 'nothing to send';
    const { push, link, connection } = found;
    const attempts = push.attempts + 1;
    try {
      const { remoteUpdateId } = await deps.adapterFor(connection).pushStatus(connection, {
        updateId: push.id,
        remoteId: link.remoteId,
        status: push.status as 'open' | 'closed',
        note: push.note,
        at: push.createdAt,
      });
      await repo.updatePush(infra.db, push.id, {
        state: 'sent',
        attempts,
        sentAt: now(),
        remoteUpdateId,
        lastError: null,
      });
      return 'sent';
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (err instanceof RemoteError && err.permanent) {
        await markDead(push.id, attempts, message);
        throw new UnrecoverableError(message);
      }
      if (err instanceof RemoteError && err.retryAfterSeconds !== null && !lastAttempt) {
        await repo.updatePush(infra.db, push.id, { attempts, lastError: message.slice(0, 500) });
        await job.moveToDelayed(now().getTime() + err.retryAfterSeconds * 1000, job.token);
        throw new DelayedError();
      }
      if (lastAttempt) await markDead(push.id, attempts, message);
      else await repo.updatePush(infra.db, push.id, { attempts, lastError: message.slice(0, 500) });
      throw err;
    }
  }

  /** An officer sends a dead letter again. */
  async function retry(areaId: string, pushId: string) {
    const found = await repo.pushById(infra.db, pushId);
    if (!found || found.connection.areaId !== areaId) throw notFound('push');
    if (found.push.state !== 'dead')
      throw new AppError('conflict', `this push is ${found.push.state}, not dead`);
    const row = await repo.updatePush(infra.db, pushId, { state: 'pending', lastError: null });
    await deps.enqueue(pushId, found.push.attempts);
    return { row: row!, remoteId: found.link.remoteId, questId: found.link.questId };
  }

  return { onQuestMove, send, retry };
}
