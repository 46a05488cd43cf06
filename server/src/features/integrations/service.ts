/**
 * GovCraft as a client of outside case systems, composed from its rooms: `take` (a request
 * becomes a linked quest), `poll` (batches from the watermark), `push` (statuses back, with
 * dead letters). Adapters (`open311-adapter`, `csv-adapter`) sit behind one interface.
 */
import type { CreateIntegrationRequest } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import type { CaseSystemAdapter } from './adapter';
import { csvAdapter, parseCsvRequests } from './csv-adapter';
import { createIntegrationJobs, freshTag, NEXT_BATCH_DELAY_MS, pollJobId, pushJobId } from './jobs';
import { open311Adapter } from './open311-adapter';
import { createPoller } from './poll';
import { toIntegration, toPush } from './present';
import { createPusher } from './push';
import * as repo from './repo';
import { createTaker, type ImportingQuests } from './take';

const LIST_LIMIT = 200;

export function createIntegrationsService(
  infra: Infra,
  deps: { quests: ImportingQuests; audit: Pick<AuditService, 'record'> },
) {
  const now = () => infra.clock.now();
  const open311 = open311Adapter(infra.clock);
  const adapterFor = (c: repo.ConnectionRow): CaseSystemAdapter =>
    c.kind === 'open311' ? open311 : csvAdapter('', now());
  const taker = createTaker(infra, deps.quests);
  const poller = createPoller(infra, { taker });

  const jobs = createIntegrationJobs({
    sweep: () => sweep(),
    poll: (id) => pollAndFollow(id),
    push: (id, job) => pusher.send(id, job),
  });
  const enqueuePoll = (connectionId: string, tag: string, delay = 0) =>
    infra.jobs.add(jobs.poll, { connectionId }, { jobId: pollJobId(connectionId, tag), delay });
  const pusher = createPusher(infra, {
    adapterFor,
    enqueue: async (pushId, attempt) => {
      await infra.jobs.add(jobs.push, { pushId }, { jobId: pushJobId(pushId, attempt) });
    },
  });

  async function pollAndFollow(connectionId: string) {
    const result = await poller.pollOnce(connectionId, open311);
    if (result.more) await enqueuePoll(connectionId, freshTag(), NEXT_BATCH_DELAY_MS);
    return result;
  }

  /** Queues a poll for every connection that is due; one per connection per interval. */
  async function sweep() {
    const due = await repo.dueConnections(infra.db, now());
    for (const c of due) {
      await enqueuePoll(c.id, `every-${Math.floor(now().getTime() / c.pollEveryMs)}`);
    }
    return { queued: due.length };
  }

  async function connectionIn(areaId: string, id: string) {
    const c = await repo.connectionById(infra.db, id);
    if (!c || c.areaId !== areaId) throw notFound('integration');
    return c;
  }

  async function present(rows: repo.ConnectionRow[]) {
    const counts = await repo.countsOf(
      infra.db,
      rows.map((r) => r.id),
    );
    const pushCount = (id: string, state: string) =>
      counts.pushes.find((p) => p.id === id && p.state === state)?.n ?? 0;
    return rows.map((c) =>
      toIntegration(c, {
        linked: counts.linked.get(c.id) ?? 0,
        pending: pushCount(c.id, 'pending'),
        dead: pushCount(c.id, 'dead'),
      }),
    );
  }

  async function create(actorId: string, areaId: string, input: CreateIntegrationRequest) {
    const row = await infra.db.transaction(async (tx) => {
      const inserted = await repo.insertConnection(tx, {
        areaId,
        kind: input.kind,
        name: input.name,
        baseUrl: input.baseUrl ?? null,
        jurisdictionId: input.jurisdictionId || null,
        apiKey: input.apiKey || null,
        services: input.services,
        batchSize: input.batchSize,
        pollEveryMs: input.pollEveryMinutes * 60_000,
      });
      await deps.audit.record(tx, {
        areaId,
        actorId,
        action: 'integration.create',
        entityType: 'integration',
        entityId: inserted.id,
        after: { kind: inserted.kind, name: inserted.name, baseUrl: inserted.baseUrl },
      });
      return inserted;
    });
    return (await present([row]))[0]!;
  }

  async function pollNow(areaId: string, id: string) {
    const c = await connectionIn(areaId, id);
    if (c.kind !== 'open311')
      throw new AppError('conflict', 'only an Open311 connection can be polled');
    await enqueuePoll(c.id, freshTag());
    return { created: 0, skipped: 0, queued: true };
  }

  /** Takes every row of an uploaded CSV, in batches, through the same path as polling. */
  async function importCsv(areaId: string, id: string, csv: string) {
    const c = await connectionIn(areaId, id);
    if (c.kind !== 'csv') throw new AppError('conflict', 'only a CSV connection takes CSV files');
    const rows = parseCsvRequests(csv, now());
    let created = 0;
    let skipped = 0;
    for (;;) {
      const batch = await poller.takeBatch(c, rows);
      created += batch.created;
      skipped += batch.skipped;
      if (!batch.more) break;
    }
    return { created, skipped, queued: false };
  }

  async function links(areaId: string, id: string) {
    await connectionIn(areaId, id);
    const rows = await repo.linksOf(infra.db, id, LIST_LIMIT);
    return {
      items: rows.map((r) => ({
        remoteId: r.link.remoteId,
        questId: r.link.questId,
        questTitle: r.questTitle,
        questStatus: r.questStatus,
        skippedReason: r.link.skippedReason,
        requestedAt: r.link.requestedAt?.toISOString() ?? null,
      })),
    };
  }

  async function pushes(areaId: string, id: string) {
    await connectionIn(areaId, id);
    const rows = await repo.pushesOf(infra.db, id, LIST_LIMIT);
    return { items: rows.map((r) => toPush(r.push, r.remoteId, r.questId)) };
  }

  async function retryPush(areaId: string, pushId: string) {
    const { row, remoteId, questId } = await pusher.retry(areaId, pushId);
    return toPush(row, remoteId, questId);
  }

  return {
    create,
    list: async (areaId: string) => ({
      items: await present(await repo.connectionsOf(infra.db, areaId)),
    }),
    pollNow,
    importCsv,
    links,
    pushes,
    retryPush,
    onQuestMove: pusher.onQuestMove,
    jobs: [jobs.sweep, jobs.poll, jobs.push],
  };
}
export type IntegrationsService = ReturnType<typeof createIntegrationsService>;
