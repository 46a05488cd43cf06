import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Job, QueueEvents } from 'bullmq';
import pg from 'pg';
import {
  addDays,
  isoWeekday,
  weekIdOfDate,
  weekOf,
  type LeaderboardResponse,
  type Team,
} from '@govcraft/shared';
import { awardAndRelay } from './ledger-helpers';
import { freshArea as freshAreaOn, payXp } from './realtime-helpers';
import { DEMO, TEST_REDIS_URL, startTestServer, type TestServer } from '../support/harness';
import type { TestClient } from '../support/client';

type Resident = TestClient & { userId: string };

const DAY = 86_400_000;

describe('leaderboards', () => {
  let server: TestServer;
  // A settable clock: weekly boards and the reset time follow it.
  const clock = { current: new Date(), now: () => clock.current };
  beforeAll(async () => {
    server = await startTestServer({ clock });
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    clock.current = new Date();
  });

  /** A fresh area per test so boards never mix. */
  const freshArea = (timezone?: string) => freshAreaOn(server, 'Board', timezone);

  async function resident(slug: string, name: string): Promise<Resident> {
    const r = await server.newResident(name);
    expect((await r.post(`/api/areas/${slug}/join`)).status).toBe(200);
    return r;
  }

  /** Writes a ledger row (and its outbox row) with a chosen commit time; the relay applies it. */
  async function awarded(
    areaId: string,
    userId: string,
    amount: number,
    at: Date,
    teamId: string | null = null,
  ) {
    await awardAndRelay(server, [{ areaId, userId, amount, at, teamId }]);
  }

  /** Pays through the real ledger (progress service) and announces after commit. */
  const pay = (
    areaId: string,
    xp: number,
    recipients: { userId: string; teamId: string | null }[],
  ) => payXp(server, areaId, xp, recipients, 'social_fabric');

  async function board(as: TestClient, slug: string, query: string) {
    const res = await as.get<LeaderboardResponse>(`/api/areas/${slug}/leaderboards?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  it('ranks by XP; equal XP goes to whoever reached it first; shows my row with neighbours', async () => {
    const area = await freshArea();
    const [ana, bo, cy, di] = await Promise.all(
      ['Ana', 'Bo', 'Cy', 'Di'].map((n) => resident(area.slug, n)),
    );
    const t0 = new Date(clock.now().getTime() - 60_000);
    await awarded(area.id, ana!.userId, 50, new Date(t0.getTime() + 10_000));
    await awarded(area.id, bo!.userId, 50, t0);
    await awarded(area.id, cy!.userId, 30, t0);
    await awarded(area.id, di!.userId, 30, t0);

    const anon = await board(server.client(), area.slug, 'scope=users&period=all&limit=10');
    expect(anon.top.map((e) => [e.rank, e.name, e.xp])).toEqual([
      [1, 'Bo', 50],
      [2, 'Ana', 50],
      // Same XP in the same second: the order is still stable (by member id, descending).
      ...[cy!, di!]
        .sort((a, b) => (a.userId < b.userId ? 1 : -1))
        .map((r, i) => [3 + i, r === cy ? 'Cy' : 'Di', 30]),
    ]);
    expect(anon.me).toBeNull();
    expect(anon.version).toBe(4);

    await awarded(area.id, ana!.userId, 1, new Date(t0.getTime() + 20_000));
    const mine = await board(cy!, area.slug, 'scope=users&period=all&limit=1');
    expect(mine.top.map((e) => e.name)).toEqual(['Ana']);
    expect(mine.version).toBe(5);
    const cyRank = mine.me!.rank;
    expect(mine.me).toMatchObject({ xp: 30 });
    expect(mine.me!.neighbours.map((n) => n.rank)).toEqual(
      [1, 2, 3, 4].filter((r) => Math.abs(r - cyRank) <= 2),
    );
    expect(mine.me!.neighbours.find((n) => n.rank === cyRank)?.id).toBe(cy!.userId);
  });

  it('keeps team boards from team awards and shows my team as me', async () => {
    const area = await freshArea();
    const [cap, mate] = await Promise.all([
      resident(area.slug, 'Cap'),
      resident(area.slug, 'Mate'),
    ]);
    const created = await cap.post<Team>(`/api/areas/${area.slug}/teams`, { name: 'Pond Patrol' });
    expect(created.status).toBe(201);
    await mate.post('/api/teams/join', { code: created.body.inviteCode });
    const at = clock.now();
    await awarded(area.id, cap.userId, 40, at, created.body.id);
    await awarded(area.id, mate.userId, 40, at, created.body.id);
    const teams = await board(mate, area.slug, 'scope=teams&period=week');
    expect(teams.top).toEqual([{ rank: 1, id: created.body.id, name: 'Pond Patrol', xp: 80 }]);
    expect(teams.me).toMatchObject({ rank: 1, xp: 80 });

    // The last member leaving deletes the team, and it leaves the live boards.
    await cap.post(`/api/teams/${created.body.id}/leave`);
    await mate.post(`/api/teams/${created.body.id}/leave`);
    expect((await board(mate, area.slug, 'scope=teams&period=all')).top).toEqual([]);
  });

  it('starts weekly boards afresh when the clock passes Monday 00:00 UTC', async () => {
    const area = await freshArea('UTC');
    const r = await resident(area.slug, 'Weekly');
    // Wednesday noon UTC of some week, whatever today is.
    const monday = weekOf(clock.now(), 'UTC').start.getTime();
    clock.current = new Date(monday + 2 * DAY + 12 * 3_600_000);
    await awarded(area.id, r.userId, 70, clock.now());

    const thisWeek = await board(r, area.slug, 'scope=users&period=week');
    expect(thisWeek.top.map((e) => e.xp)).toEqual([70]);
    expect(thisWeek.weekResetsAt).toBe(new Date(monday + 7 * DAY).toISOString());

    // The weekly key outlives its week by three weeks, then Redis drops it.
    const key = `${server.prefix}:lb:${area.id}:users:w:`;
    const [weekKey] = await server.handle.infra.redis.keys(`${key}*`);
    expect(await server.handle.infra.redis.pexpiretime(weekKey!)).toBe(monday + 28 * DAY);

    clock.current = new Date(monday + 7 * DAY);
    const nextWeek = await board(r, area.slug, 'scope=users&period=week');
    expect(nextWeek.top).toEqual([]);
    expect(nextWeek.me).toBeNull();
    expect(nextWeek.weekResetsAt).toBe(new Date(monday + 14 * DAY).toISOString());
    expect((await board(r, area.slug, 'scope=users&period=all')).top.map((e) => e.xp)).toEqual([
      70,
    ]);

    await awarded(area.id, r.userId, 5, clock.now());
    expect((await board(r, area.slug, 'scope=users&period=week')).me).toMatchObject({
      rank: 1,
      xp: 5,
    });
    expect((await board(r, area.slug, 'scope=users&period=all')).me).toMatchObject({ xp: 75 });
  });

  it("puts a Sunday-evening award on the area's week and resets at its Monday 00:00", async () => {
    const area = await freshArea('Europe/London');
    const r = await resident(area.slug, 'Sunday');
    // A Sunday in June next year: British Summer Time (UTC+1), and never in the past, so
    // the weekly key does not expire as soon as it is written.
    const june = `${new Date().getUTCFullYear() + 1}-06-14`;
    const sunday = addDays(june, 7 - isoWeekday(june));
    const week = `${server.prefix}:lb:${area.id}:users:w:`;

    // Sunday 23:30 in London is 22:30 UTC.
    clock.current = new Date(`${sunday}T22:30:00Z`);
    await awarded(area.id, r.userId, 30, clock.now());
    const late = await board(r, area.slug, 'scope=users&period=week');
    expect(late.top.map((e) => e.xp)).toEqual([30]);
    expect(late.weekResetsAt).toBe(`${sunday}T23:00:00.000Z`);
    expect(await server.handle.infra.redis.keys(`${week}*`)).toEqual([
      `${week}${weekIdOfDate(sunday)}`,
    ]);

    // Monday 00:30 in London, while UTC still reads Sunday 23:30: a fresh board.
    clock.current = new Date(`${sunday}T23:30:00Z`);
    const monday = await board(r, area.slug, 'scope=users&period=week');
    expect(monday.top).toEqual([]);
    expect(monday.weekResetsAt).toBe(`${addDays(sunday, 7)}T23:00:00.000Z`);
    await awarded(area.id, r.userId, 5, clock.now());
    expect((await board(r, area.slug, 'scope=users&period=week')).me).toMatchObject({ xp: 5 });
    expect((await server.handle.infra.redis.keys(`${week}*`)).sort()).toEqual([
      `${week}${weekIdOfDate(sunday)}`,
      `${week}${weekIdOfDate(addDays(sunday, 1))}`,
    ]);
    expect((await board(r, area.slug, 'scope=users&period=all')).me).toMatchObject({ xp: 35 });
  });

  it('rebuilds every board from the ledger exactly (admin job after a Redis flush)', async () => {
    const area = await freshArea();
    const people = await Promise.all(['Fay', 'Gus', 'Hal'].map((n) => resident(area.slug, n)));
    const team = await people[0]!.post<Team>(`/api/areas/${area.slug}/teams`, {
      name: 'Canal Crew',
    });
    await people[1]!.post('/api/teams/join', { code: team.body.inviteCode });
    const crew = { teamId: team.body.id };
    await pay(area.id, 40, [
      { userId: people[0]!.userId, ...crew },
      { userId: people[1]!.userId, ...crew },
    ]);
    await pay(area.id, 25, [{ userId: people[2]!.userId, teamId: null }]);
    await pay(area.id, 15, [{ userId: people[1]!.userId, ...crew }]);

    const redis = server.handle.infra.redis;
    const areaKeys = async () => (await redis.keys(`${server.prefix}:lb:${area.id}:*`)).sort();
    const snapshot = async () =>
      Promise.all(
        (await areaKeys()).map(async (k) => [k, await redis.zrange(k, 0, -1, 'WITHSCORES')]),
      );
    const before = await snapshot();
    expect(before).toHaveLength(4);

    const allBoardKeys = await redis.keys(`${server.prefix}:lb:*`);
    await redis.unlink(...allBoardKeys);
    expect((await board(server.client(), area.slug, 'scope=users')).top).toEqual([]);
    const versionBefore = (await board(server.client(), area.slug, 'scope=users')).version;

    const resident_ = people[0]!;
    expect((await resident_.post('/api/admin/leaderboards/rebuild')).status).toBe(403);
    const admin = await server.login(DEMO.admin);
    const started = await admin.post<{ jobId: string }>('/api/admin/leaderboards/rebuild');
    expect(started.status).toBe(202);
    const events = new QueueEvents('maintenance', {
      connection: { url: TEST_REDIS_URL },
      prefix: server.handle.infra.jobs.prefix,
    });
    try {
      await events.waitUntilReady();
      const job = await Job.fromId(
        server.handle.infra.jobs.queue('maintenance'),
        started.body.jobId,
      );
      if (!(await job!.isCompleted())) await job!.waitUntilFinished(events, 30_000);
    } finally {
      await events.close();
    }

    // Same keys, same members, same scores (XP and the reached-first tie-break).
    expect(await snapshot()).toEqual(before);
    const rebuilt = await board(server.client(), area.slug, 'scope=users');
    expect(rebuilt.version).toBeGreaterThan(versionBefore);

    // And the totals are exactly the ledger's, summed independently here.
    const sql = new pg.Client({ connectionString: server.databaseUrl! });
    await sql.connect();
    try {
      const users = await sql.query<{ id: string; xp: number }>(
        'select user_id as id, sum(amount)::int as xp from xp_ledger where area_id = $1 group by user_id',
        [area.id],
      );
      const teams = await sql.query<{ id: string; xp: number }>(
        // A team quest counts once on the team board: each row's team share, not its amount.
        'select team_id as id, sum(coalesce(team_amount, amount))::int as xp from xp_ledger where area_id = $1 and team_id is not null group by team_id',
        [area.id],
      );
      const byId = (rows: { id: string; xp: number }[]) =>
        Object.fromEntries(rows.map((r) => [r.id, r.xp]));
      expect(byId(rebuilt.top)).toEqual(byId(users.rows));
      expect(byId((await board(server.client(), area.slug, 'scope=teams')).top)).toEqual(
        byId(teams.rows),
      );
      expect(users.rows.length).toBe(3);
    } finally {
      await sql.end();
    }
  });

  it('names bad query fields', async () => {
    const res = await server
      .client()
      .get<{ issues: { path: string }[] }>('/api/areas/oakfield/leaderboards?scope=people&limit=0');
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i) => i.path).sort()).toEqual(['query.limit', 'query.scope']);
  });
});
