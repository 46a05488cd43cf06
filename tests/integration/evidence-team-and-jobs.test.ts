/**
 * Team quests pay every member once; bad job payloads fail at once (no retries) and
 * platform admins can see failed jobs.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FailedJobList, MeResponse, Team } from '@govcraft/shared';
import { DEMO } from '../support/harness';
import { checkIn, joinQuest, PARK, useEvidenceServer } from './evidence-fixtures';
import { waitFor } from './quest-helpers';

describe('team quests and job failures', () => {
  const suite = useEvidenceServer();

  it('pays every team member once when one of them sends verified evidence', async () => {
    const [captain, mate] = [await suite.server.newResident(), await suite.server.newResident()];
    const team = await captain.post<Team>('/api/areas/oakfield/teams', {
      name: `Bench crew ${randomUUID().slice(0, 6)}`,
    });
    expect(team.status).toBe(201);
    const joined = await mate.post('/api/teams/join', { code: team.body.inviteCode });
    expect(joined.status).toBe(200);
    const quest = await suite.quest({ xp: 50, teamSize: 2 });
    await joinQuest(captain, quest.id);
    await joinQuest(mate, quest.id);

    const live = await suite.live(mate);
    const sent = await checkIn(captain, quest.id, PARK);
    expect(sent.status).toBe(202);
    const award = await live.awardFor(sent.body.evidenceId);
    expect(award).toMatchObject({ userId: mate.userId, amount: 50 });
    // Team-mates see the team's evidence too.
    const seen = await mate.get<{ status: string }>(`/api/evidence/${sent.body.evidenceId}`);
    expect(seen.body.status).toBe('verified');

    const rows = await suite.query<{ user_id: string; team_id: string }>(
      'select user_id, team_id from xp_ledger where quest_id = $1 order by user_id',
      [quest.id],
    );
    expect(rows.map((r) => r.user_id).sort()).toEqual([captain.userId, mate.userId].sort());
    expect(new Set(rows.map((r) => r.team_id))).toEqual(new Set([team.body.id]));

    // The quest is done for both: the team-mate cannot be paid for it a second time.
    expect((await checkIn(mate, quest.id, PARK)).status).toBe(409);
    const me = await mate.get<MeResponse>('/api/me');
    expect(me.body.progress.totalXp).toBe(50);
  });

  it('fails a job with a bad payload at once and shows it to platform admins only', async () => {
    const queue = suite.server.handle.infra.jobs.queue('verification');
    const jobId = `bad-${randomUUID()}`;
    await queue.add('evidence.verify', { v: 1, data: { evidenceId: 'not-a-uuid' } }, { jobId });
    const admin = await suite.server.login(DEMO.admin);
    const failed = await waitFor('the failed job', async () => {
      const res = await admin.get<FailedJobList>('/api/admin/jobs/failed');
      expect(res.status).toBe(200);
      return res.body.items.find((j) => j.id === jobId);
    });
    expect(failed.failedReason).toMatch(/evidenceId/);
    expect(failed.attemptsMade).toBe(1);
    expect((await suite.officer.get('/api/admin/jobs/failed')).status).toBe(403);
    expect((await suite.server.client().get('/api/admin/jobs/failed')).status).toBe(401);
  });
});
