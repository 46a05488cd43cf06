import { describe, expect, it } from 'vitest';
import { MAX_TEAM_SIZE, type MyTeamResponse, type Team } from '@govcraft/shared';
import { uniqueSuffix } from '../support/harness';
import { useTestServer } from '../support/use-server';
import type { TestClient } from '../support/client';

type Resident = TestClient & { userId: string };
type ErrorBody = { error: string; issues?: { path: string }[] };

describe('teams', () => {
  const suite = useTestServer();

  const teamName = (base = 'Green Team') => `${base} ${uniqueSuffix()}`;

  async function createTeam(captain: TestClient, name = teamName()): Promise<Team> {
    const res = await captain.post<Team>('/api/areas/oakfield/teams', { name });
    expect(res.status).toBe(201);
    return res.body;
  }

  async function joinTeam(who: TestClient, code: string) {
    return who.post<Team | ErrorBody>('/api/teams/join', { code });
  }

  /** A new team of three: its captain, then two residents who joined by the invite code. */
  async function teamOfThree() {
    const captain = await suite.server.newResident();
    const team = await createTeam(captain);
    const [first, second] = [await suite.server.newResident(), await suite.server.newResident()];
    await joinTeam(first, team.inviteCode!);
    await joinTeam(second, team.inviteCode!);
    return { captain, team, first, second };
  }

  it('makes the creator captain and shows the invite code to members only', async () => {
    const captain = await suite.server.newResident('Cap');
    const team = await createTeam(captain);
    expect(team.captainId).toBe(captain.userId);
    expect(team.members).toEqual([
      expect.objectContaining({ userId: captain.userId, isCaptain: true, xp: 0 }),
    ]);
    expect(team.inviteCode).toMatch(/^[A-Z2-9]{10}$/);

    const outsider = await suite.server.newResident();
    const seen = await outsider.get<Team>(`/api/teams/${team.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.inviteCode).toBeNull();

    const mine = await captain.get<MyTeamResponse>('/api/areas/oakfield/teams/mine');
    expect(mine.body.team?.id).toBe(team.id);
    expect((await outsider.get<MyTeamResponse>('/api/areas/oakfield/teams/mine')).body.team).toBe(
      null,
    );
    expect((await suite.server.client().get(`/api/teams/${team.id}`)).status).toBe(401);
  });

  it('moderates names: length, control characters, deny-list, unique per area ignoring case', async () => {
    const r = await suite.server.newResident();
    const bad = async (name: string) => {
      const res = await r.post<ErrorBody>('/api/areas/oakfield/teams', { name });
      expect(res.status, name).toBe(400);
      expect(res.body.issues?.map((i) => i.path)).toEqual(['name']);
    };
    await bad('ab');
    await bad('x'.repeat(41));
    await bad('Tidy\u0007Crew');
    await bad('C0uncil 0fficial');
    await bad('---');
    // A denied word inside a longer word is fine (the Scunthorpe problem).
    const ok = await createTeam(r, `Scunthorpe Savers ${uniqueSuffix()}`);
    expect(ok.name).toMatch(/^Scunthorpe Savers/);

    const other = await suite.server.newResident();
    const dup = await other.post<ErrorBody>('/api/areas/oakfield/teams', {
      name: ok.name.toUpperCase(),
    });
    expect(dup.status).toBe(409);
    expect(dup.body.issues?.[0]?.path).toBe('name');
  });

  it('keeps a resident in at most one team per area', async () => {
    const a = await suite.server.newResident();
    const b = await suite.server.newResident();
    const teamA = await createTeam(a);
    const teamB = await createTeam(b);
    expect((await a.post('/api/areas/oakfield/teams', { name: teamName() })).status).toBe(409);
    expect((await joinTeam(a, teamB.inviteCode!)).status).toBe(409);
    expect((await joinTeam(a, teamA.inviteCode!)).status).toBe(409);
    const teamOf = await suite.server.handle.services.teams.teamOf(teamA.areaId, a.userId);
    expect(teamOf).toEqual({ teamId: teamA.id, name: teamA.name, memberIds: [a.userId] });
  });

  it('refuses misused invite codes with 4xx and accepts a code in any case', async () => {
    const captain = await suite.server.newResident();
    const team = await createTeam(captain);
    const joiner = await suite.server.newResident();
    const malformed = await joinTeam(joiner, 'not a code!');
    expect(malformed.status).toBe(400);
    expect((malformed.body as ErrorBody).issues?.[0]?.path).toBe('code');
    const unknown = await joinTeam(joiner, 'ZZZZZZZZZZ');
    expect(unknown.status).toBe(404);
    expect((unknown.body as ErrorBody).issues?.[0]?.path).toBe('code');
    expect(
      (await suite.server.client().post('/api/teams/join', { code: team.inviteCode })).status,
    ).toBe(401);
    const joined = await joinTeam(joiner, team.inviteCode!.toLowerCase());
    expect(joined.status).toBe(200);
    expect((joined.body as Team).members.map((m) => m.userId)).toEqual([
      captain.userId,
      joiner.userId,
    ]);
  });

  it('gives captain rights to the captain only, and a rotated code retires the old one', async () => {
    const { captain, team, first: member, second: third } = await teamOfThree();
    const outsider = await suite.server.newResident();

    expect((await member.delete(`/api/teams/${team.id}/members/${third.userId}`)).status).toBe(403);
    expect(
      (await member.post(`/api/teams/${team.id}/captain`, { userId: member.userId })).status,
    ).toBe(403);
    expect((await member.post(`/api/teams/${team.id}/invite-code`)).status).toBe(403);
    const notMember = await captain.post<ErrorBody>(`/api/teams/${team.id}/captain`, {
      userId: outsider.userId,
    });
    expect(notMember.status).toBe(400);
    expect(notMember.body.issues?.[0]?.path).toBe('userId');

    const rotated = await captain.post<{ inviteCode: string }>(`/api/teams/${team.id}/invite-code`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.inviteCode).not.toBe(team.inviteCode);
    expect((await joinTeam(outsider, team.inviteCode!)).status).toBe(404);

    const removed = await captain.delete<Team>(`/api/teams/${team.id}/members/${third.userId}`);
    expect(removed.status).toBe(200);
    expect(removed.body.members.map((m) => m.userId)).toEqual([captain.userId, member.userId]);
    expect((await third.get<Team>(`/api/teams/${team.id}`)).body.inviteCode).toBeNull();
    expect((await captain.delete(`/api/teams/${team.id}/members/${third.userId}`)).status).toBe(
      404,
    );

    const handed = await captain.post<Team>(`/api/teams/${team.id}/captain`, {
      userId: member.userId,
    });
    expect(handed.body.captainId).toBe(member.userId);
    expect((await captain.post(`/api/teams/${team.id}/invite-code`)).status).toBe(403);
  });

  it('hands captaincy to the longest-standing member on leave, and deletes an empty team', async () => {
    const { captain, team, first, second } = await teamOfThree();

    const left = await captain.post(`/api/teams/${team.id}/leave`);
    expect(left.body).toEqual({ teamDeleted: false, newCaptainId: first.userId });
    expect((await second.post(`/api/teams/${team.id}/leave`)).body).toEqual({
      teamDeleted: false,
      newCaptainId: null,
    });
    expect((await second.post(`/api/teams/${team.id}/leave`)).status).toBe(404);
    expect((await first.post(`/api/teams/${team.id}/leave`)).body).toEqual({
      teamDeleted: true,
      newCaptainId: null,
    });
    expect((await first.get(`/api/teams/${team.id}`)).status).toBe(404);
    // The name is free again once the team is gone.
    expect((await first.post('/api/areas/oakfield/teams', { name: team.name })).status).toBe(201);
  });

  it(`stops a team at ${MAX_TEAM_SIZE} members`, async () => {
    const captain = await suite.server.newResident();
    const team = await createTeam(captain);
    const joiners: Resident[] = [];
    for (let i = 1; i < MAX_TEAM_SIZE; i++) joiners.push(await suite.server.newResident());
    // Joining at once: the row lock keeps the count right under concurrency.
    const results = await Promise.all(joiners.map((j) => joinTeam(j, team.inviteCode!)));
    expect(results.map((r) => r.status)).toEqual(joiners.map(() => 200));
    const late = await suite.server.newResident();
    const full = await joinTeam(late, team.inviteCode!);
    expect(full.status).toBe(409);
    expect((full.body as ErrorBody & { message: string }).message).toMatch(/full/);
    const teamOf = await suite.server.handle.services.teams.teamOf(team.areaId, captain.userId);
    expect(teamOf?.memberIds).toHaveLength(MAX_TEAM_SIZE);
  });

  it('writes an audit row for captain actions', async () => {
    const captain = await suite.server.newResident();
    const team = await createTeam(captain);
    await captain.post(`/api/teams/${team.id}/invite-code`);
    const entries = await suite.server.handle.services.audit.forEntity('team', team.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['team.create', 'team.rotate_code']);
  });
});
