/**
 * The notification model end to end: facts from other features become notifications that
 * arrive live over Socket.IO, in the list, and by email with a one-click unsubscribe.
 */
import type {
  Area,
  NotificationList,
  NotificationPreferences,
  UnsubscribeResult,
} from '@govcraft/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../support/client';
import { useTestSmtp } from '../support/smtp';
import { checkIn, PARK, useEvidenceServer } from './evidence-fixtures';
import { expectOneSweepTimer, waitFor } from './quest-helpers';
import { awardFact, nextEvent, testSocket } from './realtime-helpers';

describe('notifications', () => {
  const mail = useTestSmtp();
  const suite = useEvidenceServer({ env: mail.env });
  let area: Area;

  beforeAll(async () => {
    area = (await suite.officer.get<Area>('/api/areas/oakfield')).body;
  });

  const watch = (client: TestClient, at: { lat: number; lng: number }, extra = {}) =>
    client.patch<NotificationPreferences>('/api/me/notification-preferences', {
      watch: { areaId: area.id, ...at, radiusM: 500 },
      ...extra,
    });
  const list = async (client: TestClient) =>
    (await client.get<NotificationList>('/api/me/notifications')).body;

  it('tells a resident watching nearby of a new quest, live, and not one watching far away', async () => {
    const near = await suite.server.newResident();
    const far = await suite.server.newResident();
    expect((await watch(near, PARK)).status).toBe(200);
    expect((await watch(far, { lat: PARK.lat + 0.03, lng: PARK.lng })).status).toBe(200);
    const socket = await testSocket(suite.server.url, near);
    const heard = nextEvent(
      socket,
      'notification:new',
      (e) => e.notification.kind === 'quest_nearby',
    );

    const quest = await suite.quest({ title: 'Sweep the park paths' });
    const event = await heard;
    expect(event.notification).toMatchObject({
      kind: 'quest_nearby',
      link: `/?quest=${quest.id}`,
      readAt: null,
    });
    expect(event.notification.body).toContain('Sweep the park paths');
    expect(event.unread).toBe(1);
    expect((await list(far)).items).toEqual([]);

    const read = nextEvent(socket, 'notification:unread');
    const marked = await near.post(`/api/me/notifications/${event.notification.id}/read`);
    expect(marked.status).toBe(200);
    expect((await read).unread).toBe(0);
    const after = await list(near);
    expect(after.unread).toBe(0);
    expect(after.items[0]!.readAt).not.toBeNull();
    // Someone else's notification is not yours to read.
    expect((await far.post(`/api/me/notifications/${event.notification.id}/read`)).status).toBe(
      404,
    );
  });

  it('emails at once when asked, with a one-click unsubscribe that needs no sign-in', async () => {
    const resident = await suite.server.newResident();
    const email = (await resident.get<{ email: string }>('/api/me')).body.email;
    await watch(resident, PARK, { kinds: { quest_nearby: { inApp: true, email: 'immediate' } } });
    await suite.quest({ title: 'Paint the park railings' });

    const message = await mail.smtp.waitFor(
      (m) => m.to.includes(email) && m.subject.startsWith('New quest'),
    );
    expect(message.subject).toContain('New quest near you');
    expect(message.subject).toContain('Oakfield');
    expect(message.text).toContain('Paint the park railings');
    expect(message.html).toContain('Paint the park railings');
    expect(message.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = /<([^>]+)>/.exec(message.header('list-unsubscribe') ?? '')?.[1];
    expect(link).toMatch(/\/api\/notifications\/unsubscribe\?token=/);

    const url = new URL(link!);
    const oneClick = await suite.server
      .client()
      .request<UnsubscribeResult>(
        'POST',
        `${url.pathname}${url.search}`,
        'List-Unsubscribe=One-Click',
        {
          'content-type': 'application/x-www-form-urlencoded',
        },
      );
    expect(oneClick.status).toBe(200);
    expect(oneClick.body.kind).toBe('quest_nearby');
    const prefs = (await resident.get<NotificationPreferences>('/api/me/notification-preferences'))
      .body;
    expect(prefs.kinds.quest_nearby).toEqual({ inApp: true, email: 'never' });

    const forged = await suite.server
      .client()
      .post(
        `/api/notifications/unsubscribe?token=${url.searchParams.get('token')!.slice(0, -4)}AAAA`,
      );
    expect(forged.status).toBe(400);
  });

  it('tells the sender when their evidence is verified, and refuses an unconfirmed voucher', async () => {
    const quest = await suite.quest({ evidenceRules: { checkin: true } });
    const resident = await suite.resident(quest.id);
    const sent = await checkIn(resident, quest.id, PARK);
    const note = await waitFor('the verified notification', async () =>
      (await list(resident)).items.find((n) => n.kind === 'evidence_verified'),
    );
    expect(note.link).toBe(`/?quest=${quest.id}`);

    const waiting = await suite.quest({ evidenceRules: { checkin: true, attestations: 2 } });
    const sender = await suite.resident(waiting.id);
    const pending = await checkIn(sender, waiting.id, PARK);
    const unconfirmed = suite.server.client();
    await unconfirmed.post('/api/auth/register', {
      displayName: 'Not Yet Confirmed',
      email: `unconfirmed-${Date.now()}@example.test`,
      password: 'correct-horse-battery',
    });
    await unconfirmed.post('/api/areas/oakfield/join', {});
    const vouch = await unconfirmed.post<{ message: string }>(
      `/api/evidence/${pending.body.evidenceId}/attestations`,
      {},
    );
    expect(vouch.status).toBe(403);
    expect(vouch.body.message).toMatch(/confirm your email/);
    expect(sent.status).toBe(202);
  });

  it('reminds people in a quest that starts soon, once however often the sweep runs', async () => {
    const soon = new Date(Date.now() + 2 * 3600_000);
    const quest = await suite.quest({ startsAt: soon.toISOString() });
    const resident = await suite.resident(quest.id);
    const { notifications } = suite.server.handle.services;
    await notifications.questsSoon();
    await notifications.questsSoon();
    const reminders = (await list(resident)).items.filter((n) => n.kind === 'quest_starts_soon');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.link).toBe(`/?quest=${quest.id}`);
  });

  it('reminds officers of evidence that has waited in review too long', async () => {
    const quest = await suite.quest({ evidenceRules: { checkin: true, officerSignOff: true } });
    const resident = await suite.resident(quest.id);
    const live = await suite.live(resident);
    const sent = await checkIn(resident, quest.id, PARK);
    expect((await live.statusOf(sent.body.evidenceId)).status).toBe('needs_review');
    const { notifications } = suite.server.handle.services;
    await notifications.reviewWaiting(new Date(Date.now() + 5 * 3600_000));
    const reminder = (await list(suite.officer)).items.find((n) => n.kind === 'review_waiting');
    expect(reminder).toMatchObject({ link: '/console/review' });
    expect(reminder!.body).toMatch(/waited more than 4 hours/);
  });

  it('tells the players of a storyline when a chapter unlocks', async () => {
    const [storyline] = await suite.query<{ id: string; title: string }>(
      'select id, title from storylines limit 1',
    );
    const quest = await suite.quest({ storylineId: storyline!.id });
    const player = await suite.resident(quest.id);
    await suite.server.handle.infra.events.publish('storyline.chapterUnlocked', {
      storylineId: storyline!.id,
      areaId: area.id,
      storylineTitle: storyline!.title,
      position: 9,
      chapterTitle: 'The last bench',
    });
    const note = (await list(player)).items.find((n) => n.kind === 'chapter_unlocked');
    expect(note?.body).toContain('The last bench');
  });

  it('forgets a deleted account’s notifications and settings', async () => {
    const resident = await suite.server.newResident();
    await watch(resident, PARK);
    await suite.quest({ title: 'Weed the park beds' });
    await waitFor('a notification', async () => (await list(resident)).unread > 0);
    const gone = await resident.delete('/api/me', { password: 'correct-horse-battery' });
    expect(gone.status).toBe(204);
    const left = await suite.query<{ n: number }>(
      `select (select count(*) from notifications where user_id = $1)
            + (select count(*) from notification_settings where user_id = $1)
            + (select count(*) from account_tokens where user_id = $1) as n`,
      [resident.userId],
    );
    expect(Number(left[0]!.n)).toBe(0);
  });

  it('runs the digest and reminder sweeps on timers, once per cluster', async () => {
    await expectOneSweepTimer(suite.server, 'notifications.digests', 5 * 60_000);
    await expectOneSweepTimer(suite.server, 'notifications.quests-soon', 10 * 60_000);
    await expectOneSweepTimer(suite.server, 'notifications.review-waiting', 10 * 60_000);
  });

  it('holds an immediate email until quiet hours end', async () => {
    const resident = await suite.server.newResident();
    const hhmm = (offsetMs: number) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: area.timezone,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(Date.now() + offsetMs);
    await watch(resident, PARK, {
      kinds: { quest_nearby: { inApp: true, email: 'immediate' } },
      quietHours: { from: hhmm(-3600_000), until: hhmm(2 * 3600_000) },
    });
    await suite.quest({ title: 'Rake the park lawn' });
    const note = await waitFor('the in-app notification', async () =>
      (await list(resident)).items.find((n) => n.body.includes('Rake the park lawn')),
    );
    const job = await suite.server.handle.infra.jobs
      .queue('mail')
      .getJob(`notification-${note.id}`);
    expect(await job!.getState()).toBe('delayed');
    expect(job!.opts.delay).toBeGreaterThan(3600_000);
  });

  it('tells a resident when XP they earned is taken back', async () => {
    const resident = await suite.server.newResident();
    const quest = await suite.quest({ title: 'Fix the park gate' });
    await suite.server.handle.infra.events.publish('xp.reversed', [
      {
        ...awardFact(area.id, resident.userId, -40),
        questId: quest.id,
        ledgerId: 1,
        reversesId: 1,
        reason: 'the gate is still broken',
        actorId: resident.userId,
      },
    ]);
    const note = (await list(resident)).items.find((n) => n.kind === 'evidence_reversed');
    expect(note?.body).toBe(
      '40 XP for "Fix the park gate" was taken back: the gate is still broken',
    );
  });
});
