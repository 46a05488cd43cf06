/**
 * The dashboard and open data against work done through the public API on a real server:
 * quests posted by the officer, evidence sent by residents and verified by the real worker,
 * with the server's clock moved back so completions land in earlier weeks.
 */
import {
  OPEN_DATA_QUEST_COLUMNS,
  ZDashboard,
  ZOpenDataQuests,
  ZRulesResponse,
  type Dashboard,
  type Evidence,
  type OpenDataQuests,
  type Quest,
  type Team,
  weekOf,
} from '@govcraft/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../../../tests/support/client';
import { DEMO, startTestServer, type TestServer } from '../../../../tests/support/harness';

const DAY = 86_400_000;
const PARK = { lat: 52.631797, lng: -1.144736 };
const LIBRARY = { lat: 52.630449, lng: -1.13889 };
const FAR_AWAY = { lat: 52.6205, lng: -1.1445 };
const TRICKY_TITLE = '=SUM(A1) Clear the underpass, "north" side';

/** The server's clock, movable by the test; starts at the real time. */
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

let server: TestServer;
let officer: TestClient;

async function createQuest(over: Record<string, unknown>): Promise<Quest> {
  const now = clock.now().getTime();
  const res = await officer.post<Quest>('/api/areas/oakfield/quests', {
    title: 'Tidy the park benches',
    problem: 'The benches by the pond are covered in litter and leaves.',
    desiredOutcome: 'Every bench by the pond is clean enough to sit on.',
    location: { ...PARK, radiusM: 100 },
    startsAt: new Date(now - 60 * DAY).toISOString(),
    endsAt: new Date(now + 14 * DAY).toISOString(),
    xp: 40,
    superpowers: ['urgent_optimism'],
    evidenceRules: { checkin: true },
    publish: true,
    ...over,
  });
  if (res.status !== 201) throw new Error(`quest: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Joins, checks in at `at` with the server's current clock, and waits for the decision. */
async function completeQuest(
  resident: TestClient,
  quest: Quest,
  at: { lat: number; lng: number },
): Promise<Evidence> {
  const joined = await resident.post(`/api/quests/${quest.id}/join`, {});
  if (joined.status >= 300)
    throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  const form = new FormData();
  form.set(
    'checkin',
    JSON.stringify({ ...at, accuracyM: 8, deviceTime: clock.now().toISOString() }),
  );
  const sent = await resident.post<{ evidenceId: string }>(
    `/api/quests/${quest.id}/evidence`,
    form,
  );
  if (sent.status !== 202) throw new Error(`evidence: ${sent.status} ${JSON.stringify(sent.body)}`);
  for (let tries = 0; tries < 150; tries++) {
    const res = await resident.get<Evidence>(`/api/evidence/${sent.body.evidenceId}`);
    if (res.status === 200 && res.body.status !== 'pending') return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('evidence was never decided');
}

async function dashboard(): Promise<Dashboard> {
  const res = await officer.get<Dashboard>('/api/areas/oakfield/dashboard');
  expect(res.status).toBe(200);
  return ZDashboard.parse(res.body);
}

/** Monday of the week holding `instant` in Oakfield's time zone. */
const londonWeekStart = (instant: Date): string => weekOf(instant, 'Europe/London').monday;

const weekCount = (d: Dashboard, weekStart: string) =>
  d.completionsByWeek.find((w) => w.weekStart === weekStart)?.verified;

describe('transparency: dashboard and open data', () => {
  let before: Dashboard;
  let after: Dashboard;
  let underpass: Quest;
  let library: Quest;
  let teamQuest: Quest;
  let draft: Quest;
  const decidedAt: Record<string, Date> = {};

  beforeAll(async () => {
    server = await startTestServer({ clock });
    officer = await server.login(DEMO.officer);
    before = await dashboard();

    underpass = await createQuest({ title: TRICKY_TITLE, xp: 40 });
    library = await createQuest({
      title: 'Read to the Tuesday toddlers',
      location: { ...LIBRARY, radiusM: 80 },
      superpowers: ['social_fabric', 'epic_meaning'],
      xp: 30,
    });
    teamQuest = await createQuest({
      title: 'Paint the park railings',
      superpowers: ['blissful_productivity'],
      teamSize: 2,
      xp: 50,
    });
    draft = await createQuest({ title: 'Secret draft about the car park', publish: false });

    const [oldie, recent, today, stray, captain, mate] = await Promise.all(
      ['Olive', 'Rafi', 'Tess', 'Dan', 'Cara', 'Milo'].map((n) => server.newResident(n)),
    );

    offsetMs = -40 * DAY; // outside the 30-day activity window, inside the 12 weeks
    const old = await completeQuest(oldie!, underpass, PARK);
    decidedAt.old = clock.now();
    offsetMs = -14 * DAY;
    const mid = await completeQuest(recent!, library, LIBRARY);
    decidedAt.mid = clock.now();
    offsetMs = 0;
    const now = await completeQuest(today!, underpass, PARK);
    const rejected = await completeQuest(stray!, underpass, FAR_AWAY);
    const team = await captain!.post<Team>('/api/areas/oakfield/teams', {
      name: 'Railing Rescuers',
    });
    expect(team.status).toBe(201);
    const joinedTeam = await mate!.post('/api/teams/join', { code: team.body.inviteCode });
    expect(joinedTeam.status).toBeLessThan(300);
    const teamWork = await completeQuest(captain!, teamQuest, PARK);
    decidedAt.now = clock.now();
    expect([old, mid, now, teamWork].map((e) => e.status)).toEqual(Array(4).fill('verified'));
    expect(rejected.status).toBe('rejected');

    after = await dashboard();
  });

  afterAll(async () => {
    offsetMs = 0;
    await server?.close();
  });

  it('keeps the dashboard to officers', async () => {
    expect((await server.client().get('/api/areas/oakfield/dashboard')).status).toBe(401);
    const resident = await server.newResident();
    const res = await resident.get<{ error: string }>('/api/areas/oakfield/dashboard');
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('forbidden');
  });

  it('counts quests by status', () => {
    expect(after.questsByStatus.active - before.questsByStatus.active).toBe(3);
    expect(after.questsByStatus.draft - before.questsByStatus.draft).toBe(1);
  });

  it('counts verified completions per ISO week, rejected evidence never', () => {
    expect(after.completionsByWeek).toHaveLength(12);
    expect(after.totalVerified - before.totalVerified).toBe(4);
    const current = after.completionsByWeek.at(-1)!;
    expect(current.weekStart).toBe(londonWeekStart(decidedAt.now!));
    expect(current.week).toBe(weekOf(decidedAt.now!, 'Europe/London').id);
    expect(after.completionsByWeek.map((w) => w.weekStart)).toEqual(
      [...after.completionsByWeek.map((w) => w.weekStart)].sort(),
    );
    const delta = (instant: Date) =>
      weekCount(after, londonWeekStart(instant))! -
      (weekCount(before, londonWeekStart(instant)) ?? 0);
    expect(delta(decidedAt.now!)).toBe(2);
    expect(delta(decidedAt.mid!)).toBe(1);
    expect(delta(decidedAt.old!)).toBe(1);
    const sum = (d: Dashboard) => d.completionsByWeek.reduce((s, w) => s + w.verified, 0);
    expect(sum(after) - sum(before)).toBe(4);
  });

  it('counts residents and teams active in the last 30 days, team members included', () => {
    // Rafi (14 days ago), Tess, and both team members; not Olive (40 days) nor Dan (rejected).
    expect(after.activeResidents - before.activeResidents).toBe(4);
    expect(after.activeTeams - before.activeTeams).toBe(1);
  });

  it('sums XP by superpower from the ledger', () => {
    const gained = (k: keyof Dashboard['xpBySuperpower']) =>
      after.xpBySuperpower[k] - before.xpBySuperpower[k];
    expect(gained('urgent_optimism')).toBe(2 * 40);
    expect(gained('social_fabric')).toBe(15);
    expect(gained('epic_meaning')).toBe(15);
    expect(gained('blissful_productivity')).toBe(2 * 50);
  });

  it('values completions by main superpower, labelled as an estimate', () => {
    const line = (d: Dashboard, s: string) =>
      d.socialValue.bySuperpower.find((l) => l.superpower === s)!;
    expect(line(after, 'urgent_optimism').verified - line(before, 'urgent_optimism').verified).toBe(
      2,
    );
    expect(line(after, 'social_fabric').verified - line(before, 'social_fabric').verified).toBe(1);
    expect(line(after, 'epic_meaning').verified - line(before, 'epic_meaning').verified).toBe(0);
    const expectedGain =
      2 * line(after, 'urgent_optimism').gbpPerCompletion +
      line(after, 'social_fabric').gbpPerCompletion +
      line(after, 'blissful_productivity').gbpPerCompletion;
    expect(after.socialValue.totalGbp - before.socialValue.totalGbp).toBeCloseTo(expectedGain, 2);
    expect(after.socialValue.isEstimate).toBe(true);
    expect(after.socialValue.label).toMatch(/estimate/i);
  });

  it('lists the busiest places', () => {
    expect(after.topPlaces.find((p) => p.questId === underpass.id)?.verified).toBe(2);
  });

  it('publishes open data as JSON without drafts or personal data', async () => {
    const res = await server
      .client()
      .get<OpenDataQuests>('/api/open-data/areas/oakfield/quests.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const data = ZOpenDataQuests.parse(res.body);
    const ids = data.quests.map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining([underpass.id, library.id, teamQuest.id]));
    expect(ids).not.toContain(draft.id);
    const row = res.body.quests.find((q) => q.id === underpass.id)!;
    expect(Object.keys(row).sort()).toEqual([...OPEN_DATA_QUEST_COLUMNS].sort());
    expect(row).toMatchObject({ status: 'active', verifiedCompletions: 2, title: TRICKY_TITLE });
    expect(res.body.quests.find((q) => q.id === teamQuest.id)?.verifiedCompletions).toBe(1);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('@example.test');
    expect(text).not.toContain(DEMO.officer);
  });

  it('publishes the same quests as CSV, safe to open in a spreadsheet', async () => {
    const [json, csv] = await Promise.all([
      server.client().get<OpenDataQuests>('/api/open-data/areas/oakfield/quests.json'),
      server.client().get<string>('/api/open-data/areas/oakfield/quests.csv'),
    ]);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="?oakfield-quests\.csv"?$/,
    );
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(OPEN_DATA_QUEST_COLUMNS.join(','));
    expect(lines).toHaveLength(json.body.quests.length + 1);
    const underpassLine = lines.find((l) => l.startsWith(underpass.id))!;
    expect(underpassLine).toContain(`"'=SUM(A1) Clear the underpass, ""north"" side"`);
    expect(underpassLine).toMatch(/,active,/);
    expect(underpassLine).toMatch(/,urgent_optimism,40,/);
    expect(lines.find((l) => l.startsWith(library.id))).toContain(',social_fabric;epic_meaning,');
  });

  it('answers an unknown area with a 404', async () => {
    const res = await server
      .client()
      .get<{ error: string }>('/api/open-data/areas/nowhere-at-all/quests.json');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not_found');
  });

  it('publishes the verification rules to anyone', async () => {
    const res = await server.client().get('/api/rules');
    expect(res.status).toBe(200);
    const rules = ZRulesResponse.parse(res.body);
    expect(rules.checks.map((c) => c.check)).toContain('duplicatePhoto');
    expect(rules.thresholds.verifyAt).toBeGreaterThan(rules.thresholds.rejectBelow);
  });
});
