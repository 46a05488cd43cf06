/**
 * Polling a connection: fetch what is new since the watermark, take the first batch of
 * requests not taken yet (each in its own transaction), then move the watermark. A poller
 * stopped mid-batch loses nothing (the watermark has not moved) and doubles nothing (the
 * links are unique). A remote's errors and rate limits pause only its own connection.
 */
import type { Infra } from '../../context';
import { RemoteError, type CaseSystemAdapter, type IncomingRequest } from './adapter';
import * as repo from './repo';
import type { createTaker } from './take';

/** A remote that failed without saying when to come back is left alone this long. */
const PAUSE_AFTER_FAILURE_S = 60;
/** A remote that refused us (bad key, bad jurisdiction) is asked again much later. */
const PAUSE_AFTER_REFUSAL_S = 30 * 60;

export interface BatchResult {
  created: number;
  skipped: number;
  /** More new requests are waiting beyond this batch. */
  more: boolean;
}

export function createPoller(
  infra: Pick<Infra, 'db' | 'clock' | 'logger'>,
  deps: { taker: ReturnType<typeof createTaker> },
) {
  const now = () => infra.clock.now();

  /** Takes up to `batchSize` requests not taken yet, oldest first, then moves the watermark. */
  async function takeBatch(
    c: repo.ConnectionRow,
    fetched: IncomingRequest[],
  ): Promise<BatchResult> {
    const taken = await repo.takenRemoteIds(
      infra.db,
      c.id,
      fetched.map((r) => r.remoteId),
    );
    const fresh = fetched.filter((r) => !taken.has(r.remoteId));
    const batch = fresh.slice(0, c.batchSize);
    let created = 0;
    let skipped = 0;
    for (const r of batch) {
      const outcome = await deps.taker.take(c, r);
      if (outcome === 'created') created += 1;
      else if (outcome === 'skipped') skipped += 1;
    }
    const last = (batch.length ? batch : fetched).at(-1);
    if (last) await repo.advanceWatermark(infra.db, c.id, last.requestedAt, now());
    else
      await repo.updateConnection(infra.db, c.id, {
        lastPolledAt: now(),
        lastError: null,
        pollNotBefore: null,
      });
    return { created, skipped, more: fresh.length > batch.length };
  }

  /** One batch from a connection; a remote's failure pauses the connection and is recorded. */
  async function pollOnce(connectionId: string, adapter: CaseSystemAdapter): Promise<BatchResult> {
    const c = await repo.connectionById(infra.db, connectionId);
    if (!c?.enabled) return { created: 0, skipped: 0, more: false };
    let fetched: IncomingRequest[];
    try {
      fetched = await adapter.fetchNew(c, c.watermark);
    } catch (err) {
      if (!(err instanceof RemoteError)) throw err;
      const pause =
        err.retryAfterSeconds ?? (err.permanent ? PAUSE_AFTER_REFUSAL_S : PAUSE_AFTER_FAILURE_S);
      await repo.updateConnection(infra.db, c.id, {
        lastPolledAt: now(),
        lastError: err.message.slice(0, 500),
        pollNotBefore: new Date(now().getTime() + pause * 1000),
      });
      infra.logger.warn(
        { connectionId, err: err.message, pauseS: pause },
        'integration poll failed',
      );
      return { created: 0, skipped: 0, more: false };
    }
    return takeBatch(c, fetched);
  }

  return { pollOnce, takeBatch };
}
