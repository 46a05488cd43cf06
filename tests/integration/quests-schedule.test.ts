/**
 * The clock's moves: delayed BullMQ jobs activate and close quests, follow date edits and
 * survive a restart without acting twice. Times are a second or two ahead; tests wait on
 * socket events or poll with a bound, never sleep a guessed amount.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quest } from '@govcraft/shared';
import { lifecycleJobId } from '@govcraft/server/features/quests/jobs';
import {
  DEMO,
  TEST_REDIS_URL,
  createTestDatabase,
  deleteRedisPrefix,
  startTestServer,
  uniqueSuffix,
  type TestServer,
} from '../support/harness';
import { useTestServer } from '../support/use-server';
import { nextEvent, useAreaSocket } from './realtime-helpers';
import { createQuest, waitFor } from './quest-helpers';

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('quest lifecycle jobs', () => {
  const suite = useTestServer({ officer: true });
  const area = useAreaSocket(suite);

  const actionsOf = async (questId: string) =>
    (await suite.server.handle.services.audit.forEntity('quest', questId)).map((a) => a.action);

  it('activates at startsAt and closes at endsAt, each once, with events to the area', async () => {
    const quest = await createQuest(suite.officer, {
      startsAt: soon(1500),
      endsAt: soon(3000),
      publish: true,
    });
    expect(quest.status).toBe('published');
    const activated = nextEvent(
      area.socket,
      'quest:updated',
      (e) => e.quest.id === quest.id && e.quest.status === 'active',
    );
    const closed = nextEvent(area.socket, 'quest:closed', (e) => e.questId === quest.id);
    await activated;
    expect((await closed).areaId).toBe(quest.areaId);
    const now = await suite.officer.get<Quest>(`/api/quests/${quest.id}`);
    expect(now.body.status).toBe('closed');
    const actions = await actionsOf(quest.id);
    expect(actions.filter((a) => a === 'quest.active')).toHaveLength(1);
    expect(actions.filter((a) => a === 'quest.closed')).toHaveLength(1);
  });

  it('moves the close job when endsAt is edited, earlier or later', async () => {
    const quest = await createQuest(suite.officer, { endsAt: soon(3600_000), publish: true });
    expect(quest.status).toBe('active');
    const queue = suite.server.handle.infra.jobs.queue('quest-lifecycle');
    const closeJob = () => queue.getJob(lifecycleJobId('close', quest.id));
    const dueAt = async () => {
      const job = await closeJob();
      return job ? job.timestamp + (job.opts.delay ?? 0) : null;
    };
    // The job is due at endsAt (give or take the scheduling moment).
    expect(Math.abs((await dueAt())! - Date.parse(quest.endsAt))).toBeLessThan(5_000);

    const later = soon(2 * 3600_000);
    await suite.officer.patch(`/api/quests/${quest.id}`, { endsAt: later });
    expect(Math.abs((await dueAt())! - Date.parse(later))).toBeLessThan(5_000);
    expect(await (await closeJob())!.getState()).toBe('delayed');

    const closed = nextEvent(area.socket, 'quest:closed', (e) => e.questId === quest.id);
    const res = await suite.officer.patch<Quest>(`/api/quests/${quest.id}`, { endsAt: soon(1500) });
    expect(res.status).toBe(200);
    await closed;
    expect((await suite.officer.get<Quest>(`/api/quests/${quest.id}`)).body.status).toBe('closed');
    expect((await actionsOf(quest.id)).filter((a) => a === 'quest.closed')).toHaveLength(1);
  });

  it('does not act on a close job that fires before endsAt; it waits again', async () => {
    const quest = await createQuest(suite.officer, { endsAt: soon(3600_000), publish: true });
    const { infra, services } = suite.server.handle;
    const closeDef = services.quests.lifecycleJobs.close;
    // A stale job, as if endsAt had moved while the old job was already running.
    const job = await infra.jobs.add(
      closeDef,
      { questId: quest.id },
      { jobId: `early-${quest.id}` },
    );
    await waitFor('the early job to go back to waiting', async () =>
      (await job.getState()) === 'delayed' ? true : null,
    );
    expect((await services.quests.get(quest.id)).status).toBe('active');
    expect(await actionsOf(quest.id)).not.toContain('quest.closed');
    await job.remove();
  });

  it('drops the jobs when a published quest goes back to draft', async () => {
    const quest = await createQuest(suite.officer, { startsAt: soon(3600_000), publish: true });
    const queue = suite.server.handle.infra.jobs.queue('quest-lifecycle');
    expect(await queue.getJob(lifecycleJobId('activate', quest.id))).toBeTruthy();
    await suite.officer.post(`/api/quests/${quest.id}/transition`, { to: 'draft' });
    expect(await queue.getJob(lifecycleJobId('activate', quest.id))).toBeFalsy();
    expect(await queue.getJob(lifecycleJobId('close', quest.id))).toBeFalsy();
  });
});

describe('quest lifecycle jobs across a restart', () => {
  const prefix = `gct${uniqueSuffix()}`;
  let dataDir: string;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let second: TestServer | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'govcraft-restart-'));
  });
  afterAll(async () => {
    await second?.handle.close();
    await deleteRedisPrefix(TEST_REDIS_URL, prefix);
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('still closes the quest once when the server restarts before the job is due', async () => {
    const options = { databaseUrl: db.url, redisPrefix: prefix, dataDir };
    const first = await startTestServer(options);
    const officer = await first.login(DEMO.officer);
    const quest = await createQuest(officer, { endsAt: soon(3000), publish: true });
    expect(quest.status).toBe('active');
    const pending = await first.handle.infra.jobs
      .queue('quest-lifecycle')
      .getJob(lifecycleJobId('close', quest.id));
    expect(await pending?.getState()).toBe('delayed');
    // Only the handle: the harness's close() would also wipe the Redis prefix.
    await first.handle.close();

    const restartedAt = new Date();
    second = await startTestServer(options);
    const services = second.handle.services;
    const closed = await waitFor('the quest to close after the restart', async () => {
      const q = await services.quests.get(quest.id);
      return q.status === 'closed' ? q : null;
    });
    expect(closed.status).toBe('closed');
    const job = await second.handle.infra.jobs
      .queue('quest-lifecycle')
      .getJob(lifecycleJobId('close', quest.id));
    expect(await job?.getState()).toBe('completed');
    const closes = (await services.audit.forEntity('quest', quest.id)).filter(
      (a) => a.action === 'quest.closed',
    );
    expect(closes).toHaveLength(1);
    expect(closes[0]!.actorId).toBeNull();
    // The close happened on the second server, not on the first before it stopped.
    expect(closes[0]!.at.getTime()).toBeGreaterThanOrEqual(restartedAt.getTime());
  });
});
