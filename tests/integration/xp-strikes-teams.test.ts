/**
 * Three confirmed strikes in an area suspend a resident's evidence there until an admin
 * lifts it; a team quest completed by a team of four counts once on the team board, by
 * the published team rule.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  TEAM_SCALING,
  memberXp,
  scaledEvidenceRules,
  teamCompletionXp,
  type Evidence,
  type LeaderboardResponse,
  type RulesResponse,
  type Team,
} from '@govcraft/shared';
import { DEMO } from '../support/harness';
import { checkIn, joinQuest, PARK, useEvidenceServer } from './evidence-fixtures';
import {
  expectBoardsMatchLedger,
  newModerator,
  rejectVerified,
  verifiedCheckIn,
} from './reversal-helpers';

describe('strikes and team quests', () => {
  const suite = useEvidenceServer();

  it('suspends evidence in the area at the third strike until an admin lifts it', async () => {
    const quests = await Promise.all([1, 2, 3, 4].map(() => suite.quest({ xp: 20 })));
    const resident = await suite.resident(...quests.map((q) => q.id));
    const moderator = await newModerator(suite.server);
    const outcomes = [];
    for (const quest of quests.slice(0, 3)) {
      const id = await verifiedCheckIn(suite.server, resident, quest.id);
      outcomes.push((await rejectVerified(moderator, id, 'Fake check-in app.', true)).body);
    }
    expect(outcomes.map((o) => [o.strike, o.suspended])).toEqual([
      [true, false],
      [true, false],
      [true, true],
    ]);
    const refused = await checkIn(resident, quests[3]!.id, PARK);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toMatch(/suspended/);

    const path = `/api/areas/oakfield/suspensions/${resident.userId}`;
    expect((await moderator.delete(path)).status).toBe(403);
    const admin = await suite.server.login(DEMO.admin);
    expect((await admin.delete<{ lifted: boolean }>(path)).body).toEqual({ lifted: true });
    expect((await admin.delete<{ lifted: boolean }>(path)).body).toEqual({ lifted: false });
    expect((await checkIn(resident, quests[3]!.id, PARK)).status).toBe(202);

    const audit = await suite.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_log
        where entity_id = $1 and action like 'evidence.%' group by action order by action`,
      [resident.userId],
    );
    expect(audit).toEqual([
      { action: 'evidence.strike', n: 3 },
      { action: 'evidence.suspend', n: 1 },
      { action: 'evidence.suspension-lift', n: 1 },
    ]);
  });

  it('counts a team of four completing a team quest once on the team board', async () => {
    const members = await Promise.all([1, 2, 3, 4].map(() => suite.server.newResident()));
    const [captain, ...mates] = members;
    const team = await captain!.post<Team>('/api/areas/oakfield/teams', {
      name: `Pond four ${randomUUID().slice(0, 6)}`,
    });
    expect(team.status).toBe(201);
    for (const mate of mates) {
      expect((await mate.post('/api/teams/join', { code: team.body.inviteCode })).status).toBe(200);
    }
    const quest = await suite.quest({ xp: 60, teamSize: 4 });
    for (const m of members) await joinQuest(m, quest.id);
    const teamBoard = async () =>
      (
        await captain!.get<LeaderboardResponse>(
          '/api/areas/oakfield/leaderboards?scope=teams&period=all',
        )
      ).body.me?.xp ?? 0;
    expect(await teamBoard()).toBe(0);

    const teamEvidence = await verifiedCheckIn(suite.server, captain!, quest.id);
    // One completion on the team board, by the published rule; every member paid.
    expect(await teamBoard()).toBe(teamCompletionXp(60, 4));
    expect(teamCompletionXp(60, 4)).toBe(105);
    const rows = await suite.query<{ amount: number; team_amount: number }>(
      'select amount, team_amount from xp_ledger where quest_id = $1',
      [quest.id],
    );
    expect(rows.map((r) => r.amount)).toEqual([1, 2, 3, 4].map(() => memberXp(60)));
    expect(rows.reduce((s, r) => s + r.team_amount, 0)).toBe(105);
    await expectBoardsMatchLedger(suite.server);

    // Taking the completion back takes back every member's row and the team's share.
    const moderator = await newModerator(suite.server);
    const reversed = await rejectVerified(moderator, teamEvidence, 'Not the pond we meant.', false);
    expect(reversed.body).toMatchObject({ reversedRows: 4, xpTakenBack: 4 * memberXp(60) });
    expect(await teamBoard()).toBe(0);
    await expectBoardsMatchLedger(suite.server);

    // A bigger team is asked for more vouching, by the same rule.
    const vouched = await suite.quest({
      xp: 60,
      teamSize: 4,
      evidenceRules: { checkin: true, attestations: 1 },
    });
    for (const m of members) await joinQuest(m, vouched.id);
    const sent = await checkIn(captain!, vouched.id, PARK);
    const waiting = await captain!.get<Evidence>(`/api/evidence/${sent.body.evidenceId}`);
    expect(waiting.body.attestationsNeeded).toBe(
      scaledEvidenceRules({ attestations: 1 }, 4).attestations,
    );
    expect(waiting.body.attestationsNeeded).toBe(2);

    const rules = await suite.server.client().get<RulesResponse>('/api/rules');
    expect(rules.body.teamScaling).toMatchObject(TEAM_SCALING);
    expect(rules.body.teamScaling.description).toMatch(/once on the team board/);
  });
});
