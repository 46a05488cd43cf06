/**
 * Reopening completed quests that are not fixed: residents' reports (checked like evidence,
 * weighed by reputation) reopen a quest only at quorum, officers reopen by decision, reports
 * outside the window are refused naming its end, and every status change is on the public
 * timeline by role, with no personal data.
 */
import { describe, expect, it } from 'vitest';
import type { Quest, Storyline } from '@govcraft/shared';
import { uniqueSuffix } from '../support/harness';
import { checkIn, PARK, useEvidenceServer } from './evidence-fixtures';
import { waitFor } from './quest-helpers';
import { nextEvent, useAreaSocket } from './realtime-helpers';
import {
  completedQuest,
  decided,
  reportDecided,
  reportNotFixed,
  timelineOf,
} from './reopen-helpers';

describe('reopening quests that are not fixed', () => {
  const suite = useEvidenceServer();
  const area = useAreaSocket(suite);

  async function storyline() {
    const res = await suite.officer.post<Storyline>('/api/areas/oakfield/storylines', {
      title: `Pond walk ${uniqueSuffix()}`,
      narrative: 'The pond path could be a place to sit again.',
      goal: 2,
      chapters: [{ title: 'Prologue', threshold: 0, narrative: 'Neighbours meet by the pond.' }],
    });
    expect(res.status).toBe(201);
    return res.body;
  }
  const completedOf = async (storylineId: string) =>
    (await suite.server.client().get<Storyline>(`/api/storylines/${storylineId}`)).body.completed;

  it('does not reopen below quorum; a quorum reopens it live, with a new deadline and storyline progress taken back', async () => {
    const story = await storyline();
    const { quest, fixer } = await completedQuest(suite, { storylineId: story.id });
    await waitFor(
      'storyline counts the completion',
      async () => (await completedOf(story.id)) === 1,
    );

    // The one who fixed it cannot say it is not fixed.
    expect((await reportNotFixed(fixer, quest.id)).status).toBe(403);

    const [first, second, third] = [
      await suite.server.newResident(),
      await suite.server.newResident(),
      await suite.server.newResident(),
    ];
    for (const reporter of [first, second]) {
      const sent = await reportNotFixed(reporter, quest.id);
      expect(sent.status).toBe(202);
      expect(sent.body.weight).toBe(1); // someone new, by the published rule
      expect((await reportDecided(suite.server, sent.body.reportId)).status).toBe('verified');
    }
    expect((await reportNotFixed(first, quest.id)).status).toBe(409); // once per round

    const below = await timelineOf(suite.server.client(), quest.id);
    expect(below.status).toBe('active');
    expect(below.notFixed).toMatchObject({ open: true, reports: 2, weight: 2, quorumWeight: 2.5 });
    expect((await suite.server.client().get<Quest>(`/api/quests/${quest.id}`)).body.status).toBe(
      'active',
    );

    const updated = nextEvent(
      area.socket,
      'quest:updated',
      (e) => e.quest.id === quest.id && e.quest.status === 'reopened',
    );
    const progress = nextEvent(
      area.socket,
      'storyline:progress',
      (e) => e.storylineId === story.id && e.completed === 0,
    );
    const sent = await reportNotFixed(third, quest.id);
    expect(sent.status).toBe(202);
    const live = await updated;
    expect(Date.parse(live.quest.endsAt)).toBeGreaterThan(Date.parse(quest.endsAt));
    expect(live.quest.completions).toBe(0);
    expect((await progress).completed).toBe(0);
    expect(await completedOf(story.id)).toBe(0);
    expect((await reportDecided(suite.server, sent.body.reportId)).status).toBe('upheld');

    const after = await timelineOf(suite.server.client(), quest.id);
    expect(after.status).toBe('reopened');
    expect(after.notFixed.open).toBe(false);
    expect(after.items.map((i) => [i.from, i.to, i.by])).toEqual([
      [null, 'draft', 'officer'],
      ['draft', 'published', 'officer'],
      ['published', 'active', 'officer'],
      ['active', 'reopened', 'residents'],
    ]);
    expect(after.items.at(-1)!.reason).toMatch(/3 residents reported it not fixed/);

    // Public, so nothing personal: no ids, names or emails of anyone involved.
    const text = JSON.stringify(after);
    for (const person of [fixer, first, second, third]) {
      expect(text).not.toContain(person.userId);
      expect(text).not.toContain(person.email);
    }
    expect(text).not.toMatch(/displayName|userId|email/);

    // Done again by someone else: back to active, by the system, on the timeline.
    const redo = await suite.resident(quest.id);
    const again = await checkIn(redo, quest.id, PARK);
    expect((await decided(redo, again.body.evidenceId)).status).toBe('verified');
    const resumed = await waitFor('quest active again', async () => {
      const t = await timelineOf(suite.server.client(), quest.id);
      return t.status === 'active' ? t : null;
    });
    expect(resumed.items.at(-1)).toMatchObject({ from: 'reopened', to: 'active', by: 'system' });
    expect(resumed.notFixed).toMatchObject({ open: true, reports: 0 });
  });

  it('lets an officer reopen a completed quest with a public reason; not residents, not uncompleted quests', async () => {
    const { quest, fixer } = await completedQuest(suite);
    const reason = { reason: 'The council inspection found the benches dirty again.' };
    expect((await fixer.post(`/api/quests/${quest.id}/reopen`, reason)).status).toBe(403);
    expect(
      (await suite.server.client().post(`/api/quests/${quest.id}/reopen`, reason)).status,
    ).toBe(401);

    const untouched = await suite.quest({ evidenceRules: { checkin: true } });
    const refused = await suite.officer.post<{ message: string }>(
      `/api/quests/${untouched.id}/reopen`,
      reason,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/no verified completion/);

    // The generic move cannot skip what reopening does (completions, deadline, reason).
    const generic = await suite.officer.post<{ message: string }>(
      `/api/quests/${quest.id}/transition`,
      { to: 'reopened' },
    );
    expect(generic.status).toBe(409);
    expect(generic.body.message).toContain('/reopen');

    const facts: { questId: string; from: string | null; to: string; by: string }[] = [];
    suite.server.handle.infra.events.on('quest.statusChanged', (f) => void facts.push(f));

    const endsAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const updated = nextEvent(area.socket, 'quest:updated', (e) => e.quest.id === quest.id);
    const reopened = await suite.officer.post<Quest>(`/api/quests/${quest.id}/reopen`, {
      ...reason,
      endsAt,
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'reopened', endsAt, completions: 0 });
    expect((await updated).quest.status).toBe('reopened');
    // The domain fact other features hear (notifications, Open311), published once.
    expect(facts.filter((f) => f.questId === quest.id)).toEqual([
      expect.objectContaining({ from: 'active', to: 'reopened', by: 'officer', ...reason }),
    ]);
    const t = await timelineOf(suite.server.client(), quest.id);
    expect(t.items.at(-1)).toMatchObject({
      from: 'active',
      to: 'reopened',
      by: 'officer',
      ...reason,
    });
    // Reopened again before it is done: refused, naming the status.
    const twice = await suite.officer.post<{ message: string }>(
      `/api/quests/${quest.id}/reopen`,
      reason,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/reopened quest cannot be reopened/);
  });

  it('refuses a report outside the window with a 4xx naming the window end', async () => {
    const { quest } = await completedQuest(suite, { reopenWindowDays: 2 });
    expect(quest.reopenWindowDays).toBe(2);
    // The completion was three days ago: the two-day window has closed.
    await suite.query(
      "update participations set completed_at = now() - interval '3 days' where quest_id = $1 and status = 'completed'",
      [quest.id],
    );
    const t = await timelineOf(suite.server.client(), quest.id);
    expect(t.notFixed.open).toBe(false);
    expect(t.notFixed.windowDays).toBe(2);
    const reporter = await suite.server.newResident();
    const late = await reportNotFixed(reporter, quest.id);
    expect(late.status).toBe(409);
    expect(late.body.message).toContain(t.notFixed.until!);
    expect(late.body.message).toMatch(/window .* closed/);

    // The officer widens the window: the same report is now taken.
    const widened = await suite.officer.patch<Quest>(`/api/quests/${quest.id}`, {
      reopenWindowDays: 30,
    });
    expect(widened.body.reopenWindowDays).toBe(30);
    expect((await reportNotFixed(reporter, quest.id)).status).toBe(202);
  });

  it('refuses a report with neither check-in nor photo, naming both fields', async () => {
    const { quest } = await completedQuest(suite);
    const reporter = await suite.server.newResident();
    const res = await reporter.post<{ issues: { path: string }[] }>(
      `/api/quests/${quest.id}/not-fixed`,
      new FormData(),
    );
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i) => i.path).sort()).toEqual(['checkin', 'photo']);
  });

  it('rejects a report whose check-in is far from the quest; it does not count and is erased with the account', async () => {
    const { quest } = await completedQuest(suite);
    const reporter = await suite.server.newResident();
    const sent = await reportNotFixed(reporter, quest.id, { lat: PARK.lat + 0.05, lng: PARK.lng });
    expect(sent.status).toBe(202);
    expect((await reportDecided(suite.server, sent.body.reportId)).status).toBe('rejected');
    expect((await timelineOf(suite.server.client(), quest.id)).notFixed.reports).toBe(0);

    // The reporter's own data: exported, and erased with the account (the weight stays).
    const exported = await reporter.get<{ notFixedReports: { questId: string }[] }>(
      '/api/me/export',
    );
    expect(exported.body.notFixedReports.map((r) => r.questId)).toEqual([quest.id]);
    expect((await reporter.delete('/api/me', { password: 'correct-horse-battery' })).status).toBe(
      204,
    );
    const [row] = await suite.query<{ checkin: unknown; weight: number }>(
      'select checkin, weight from not_fixed_reports where id = $1',
      [sent.body.reportId],
    );
    expect(row).toEqual({ checkin: null, weight: 1 });
  });
});
