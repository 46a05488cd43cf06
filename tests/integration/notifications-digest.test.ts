/**
 * Digests: 200 events for one resident in a day, with the daily digest chosen, make exactly
 * one email listing all of them, once the area's day is over, however often the sweep runs.
 */
import { randomUUID } from 'node:crypto';
import { digestWindowOf, type Area, type NotificationList, type QuestPage } from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import type { Clock } from '@govcraft/server/lib/clock';
import { useTestSmtp } from '../support/smtp';
import { useTestServer } from '../support/use-server';
import { waitFor } from './quest-helpers';

/** The server's clock, moved forward by the test. */
const clock: Clock & { offsetMs: number } = {
  offsetMs: 0,
  now: (): Date => new Date(Date.now() + clock.offsetMs),
};

async function mailQueueIdle(server: ReturnType<typeof useTestServer>['server']) {
  const counts = await server.handle.infra.jobs
    .queue('mail')
    .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
  return Object.values(counts).every((n) => n === 0);
}

describe('daily digest', () => {
  const mail = useTestSmtp();
  const suite = useTestServer({ env: mail.env, clock });

  it('sends exactly one email for 200 events in a day, listing them all', async () => {
    const { server } = suite;
    const resident = await server.newResident('Digest Dana');
    const email = (await resident.get<{ email: string }>('/api/me')).body.email;
    const set = await resident.patch('/api/me/notification-preferences', {
      kinds: { evidence_verified: { inApp: true, email: 'daily' } },
    });
    expect(set.status).toBe(200);
    const area = (await resident.get<Area>('/api/areas/oakfield')).body;
    const quest = (await resident.get<QuestPage>('/api/areas/oakfield/quests')).body.items[0]!;

    const facts = Array.from({ length: 200 }, () => ({
      evidenceId: randomUUID(),
      questId: quest.id,
      areaId: area.id,
      userId: resident.userId,
      status: 'verified' as const,
    }));
    // Ten batches, as a busy day's decisions arrive.
    for (let i = 0; i < 200; i += 20) {
      await server.handle.infra.events.publish('evidence.decided', facts.slice(i, i + 20));
    }
    const inbox = (await resident.get<NotificationList>('/api/me/notifications')).body;
    expect(inbox.unread).toBe(200);

    const { notifications } = server.handle.services;
    // Before the day is over nothing goes out.
    expect((await notifications.sendDueDigests()).sent).toBe(0);

    const window = digestWindowOf('daily', clock.now(), area.timezone);
    clock.offsetMs += window.end.getTime() - clock.now().getTime() + 60_000;
    const runs = await Promise.all([
      notifications.sendDueDigests(),
      notifications.sendDueDigests(),
      notifications.sendDueDigests(),
    ]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(1);

    const digest = await mail.smtp.waitFor(
      (m) => m.to.includes(email) && m.subject.includes('digest'),
    );
    expect(digest.subject).toContain('200 updates');
    expect(digest.subject).toContain('Oakfield');
    const listed = digest.text.split('\n').filter((l) => l.startsWith('- Your evidence'));
    expect(listed).toHaveLength(200);
    expect(digest.html.match(/<li>/g)).toHaveLength(200);
    expect(digest.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // Later sweeps find nothing more to send for that window.
    expect((await notifications.sendDueDigests()).sent).toBe(0);
    await waitFor('the mail queue to drain', () => mailQueueIdle(server));
    const digests = mail.smtp.to(email).filter((m) => m.subject.includes('digest'));
    expect(digests).toHaveLength(1);
  });
});
