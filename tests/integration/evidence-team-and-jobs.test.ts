/**
 * Team quests pay every member once; bad job payloads fail at once (no retries) and
 * platform admins can see failed jobs.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FailedJobList, MeResponse, Team } from '@govcraft/shared';
import { DEMO, startTestServer, type TestServer } from '../support/harness';
import type { TestClient } from '../support/client';
import {
  checkinAt,
  createQuest,
  eventSocket,
  joinQuest,
  PARK,
  query,
  submitEvidence,
} from './evidence-fixtures';

describe('team quests and job failures', () => {
  let server: TestServer;
  let officer: TestClient;
  beforeAll(async () => {
    server = await startTestServer();
    officer = await server.login(DEMO.officer);
  });
  afterAll(() => server?.close());

  it('pays every team member once when one of them sends verified evidence', async () => {
    const [captain, mate] = [await server.newResident(), await server.newResident()];
    const team = await captain.post<Team>('/api/areas/oakfield/teams', {
      name: `Bench crew ${randomUUID().slice(0, 6)}`,
    });
    expect(team.status).toBe(201);
    const joined = await mate.post('/api/teams/join', { code: team.body.inviteCode });
    expect(joined.status).toBe(200);
    const quest = await createQuest(officer, { xp: 50, teamSize: 2 });
    await joinQuest(captain, quest.id);
    await joinQuest(mate, quest.id);

    const live = await eventSocket(server, mate);
    try {
      const sent = await submitEvidence(captain, quest.id, { checkin: checkinAt(PARK) });
      expect(sent.status).toBe(202);
      const award = await new Promise((resolve) => {
        const check = () => {
          const hit = live.awards.find((a) => a.evidenceId === sent.body.evidenceId);
          if (hit) resolve(hit);
          else setTimeout(check, 20);
        };
        check();
      });
      expect(award).toMatchObject({ userId: mate.userId, amount: 50 });
      // Team-mates see the team's evidence too.
      const seen = await mate.get<{ status: string }>(`/api/evidence/${sent.body.evidenceId}`);
      expect(seen.body.status).toBe('verified');

      const rows = await query<{ user_id: string; team_id: string }>(
        server,
        'select user_id, team_id from xp_ledger where quest_id = $1 order by user_id',
        [quest.id],
      );
      expect(rows.map((r) => r.user_id).sort()).toEqual([captain.userId, mate.userId].sort());
      expect(new Set(rows.map((r) => r.team_id))).toEqual(new Set([team.body.id]));

      // The quest is done for both: the team-mate cannot be paid for it a second time.
      const second = await submitEvidence(mate, quest.id, { checkin: checkinAt(PARK) });
      expect(second.status).toBe(409);
      const me = await mate.get<MeResponse>('/api/me');
      expect(me.body.progress.totalXp).toBe(50);
    } finally {
      live.close();
    }
  });

  it('fails a job with a bad payload at once and shows it to platform admins only', async () => {
    const queue = server.handle.infra.jobs.queue('verification');
    const jobId = `bad-${randomUUID()}`;
    await queue.add('evidence.verify', { v: 1, data: { evidenceId: 'not-a-uuid' } }, { jobId });
    const admin = await server.login(DEMO.admin);
    let failed: FailedJobList['items'][number] | undefined;
    while (!failed) {
      const res = await admin.get<FailedJobList>('/api/admin/jobs/failed');
      expect(res.status).toBe(200);
      failed = res.body.items.find((j) => j.id === jobId);
      if (!failed) await new Promise((r) => setTimeout(r, 50));
    }
    expect(failed.failedReason).toMatch(/evidenceId/);
    expect(failed.attemptsMade).toBe(1);
    expect((await officer.get('/api/admin/jobs/failed')).status).toBe(403);
    expect((await server.client().get('/api/admin/jobs/failed')).status).toBe(401);
  });
});
