/**
 * The safety net behind the delayed lifecycle jobs: a quest whose activate or close job was
 * lost is moved by the repeating sweep, with the same audit row and event as the job makes.
 */
import { describe, expect, it } from 'vitest';
import { lifecycleJobId } from '@govcraft/server/features/quests/jobs';
import { startTestServer } from '../support/harness';
import { useTestServer } from '../support/use-server';
import { createQuest, expectOneSweepTimer, waitFor } from './quest-helpers';

const MINUTE = 60_000;
const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('moving quests whose lifecycle job was lost', () => {
  // ROLE=api: delayed jobs are queued but nothing runs them, as if they were lost.
  const ctx = useTestServer({ officer: true, env: { ROLE: 'api' } });

  const statusOf = async (questId: string) =>
    (await ctx.server.handle.services.quests.get(questId)).status;

  it('activates an overdue published quest and closes an overdue live one, once', async () => {
    const { quests, audit } = ctx.server.handle.services;
    const lifecycle = ctx.server.handle.infra.jobs.queue('quest-lifecycle');
    // Starts far enough ahead that a slow machine still creates them as `published`.
    const starting = await createQuest(ctx.officer, { startsAt: soon(3000), publish: true });
    const ending = await createQuest(ctx.officer, {
      startsAt: soon(3000),
      endsAt: soon(3500),
      publish: true,
    });
    expect([starting.status, ending.status]).toEqual(['published', 'published']);
    const later = await createQuest(ctx.officer, { startsAt: soon(60 * MINUTE), publish: true });
    for (const q of [starting, ending, later]) {
      await lifecycle.remove(lifecycleJobId('activate', q.id));
      await lifecycle.remove(lifecycleJobId('close', q.id));
    }
    await waitFor('the deadlines to pass', async () => Date.now() > Date.parse(ending.endsAt));

    // Just missed: a delayed job may still be on its way, so the sweep waits.
    expect(await quests.applyOverdueMoves(new Date())).toEqual({ moved: 0 });

    const sweepAt = new Date(Date.now() + 3 * MINUTE);
    expect(await quests.applyOverdueMoves(sweepAt)).toEqual({ moved: 2 });
    expect(await statusOf(starting.id)).toBe('active');
    expect(await statusOf(ending.id)).toBe('closed');
    expect(await statusOf(later.id)).toBe('published');
    const actions = (await audit.forEntity('quest', starting.id)).map((a) => a.action);
    expect(actions.filter((a) => a.includes('active'))).toHaveLength(1);

    // A second sweep finds nothing left to do.
    expect(await quests.applyOverdueMoves(sweepAt)).toEqual({ moved: 0 });
  });

  it('registers its timer once on the maintenance queue of a worker node', async () => {
    const worker = await startTestServer();
    try {
      await expectOneSweepTimer(worker, 'quests.apply-overdue', 5 * MINUTE);
    } finally {
      await worker.close();
    }
  });
});
