/**
 * The one way a notification reaches a person: stored once (deduplicated), shown in the app
 * at once over Socket.IO, and emailed at once, after quiet hours, or in a digest, as the
 * person chose for its kind. Security messages do not come this way (accounts sends them).
 */
import { planEmail, rooms } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { MailService } from '../mail/service';
import { jobIdPart, preferenceFor, present, quietHoursOf, type NotificationInput } from './model';
import * as reads from './reads';
import * as repo from './repo';
import type { UnsubscribeTokens } from './unsubscribe-token';

export interface DeliverDeps {
  mail: Pick<MailService, 'send' | 'link'>;
  unsubscribe: UnsubscribeTokens;
}

const unique = <T>(xs: (T | null | undefined)[]) => [
  ...new Set(xs.filter((x): x is T => x != null)),
];

/** Looks up people, their preferences and settings and their areas' clocks, in four queries. */
export async function loadContext(db: Infra['db'], userIds: string[], areaIds: string[]) {
  const [prefs, settings, people] = await Promise.all([
    repo.preferencesOf(db, userIds),
    repo.settingsOf(db, userIds),
    reads.recipients(db, userIds),
  ]);
  const areas = await reads.areaInfo(
    db,
    unique([...areaIds, ...settings.map((s) => s.watchAreaId)]),
  );
  const settingsOf = (userId: string) => settings.find((s) => s.userId === userId);
  /** A person's clock: their watched area's, else the notification's area's, else UTC. */
  const areaFor = (userId: string, areaId: string | null) => {
    const id = settingsOf(userId)?.watchAreaId ?? areaId;
    return (id ? areas.get(id) : undefined) ?? { name: 'GovCraft', timezone: 'UTC' };
  };
  return { prefs, people, settingsOf, areaFor, areas };
}

export function createDelivery(
  infra: Pick<Infra, 'db' | 'clock' | 'io' | 'logger'>,
  deps: DeliverDeps,
) {
  const unsubscribeLinks = (userId: string, scope: Parameters<UnsubscribeTokens['sign']>[1]) => {
    const token = deps.unsubscribe.sign(userId, scope);
    return {
      oneClick: deps.mail.link(`/api/notifications/unsubscribe?token=${token}`),
      page: deps.mail.link(`/unsubscribe?token=${token}`),
    };
  };

  async function notify(items: NotificationInput[]): Promise<number> {
    if (items.length === 0) return 0;
    const now = infra.clock.now();
    const ctx = await loadContext(
      infra.db,
      unique(items.map((i) => i.userId)),
      unique(items.map((i) => i.areaId)),
    );
    const rows: repo.NewNotificationRow[] = [];
    for (const item of items) {
      const pref = preferenceFor(ctx.prefs, item.userId, item.kind);
      const person = ctx.people.get(item.userId);
      if (!person) continue;
      const { timezone } = ctx.areaFor(item.userId, item.areaId);
      const quiet = quietHoursOf(ctx.settingsOf(item.userId));
      const canEmail = !!person.email && person.emailVerified;
      const plan = canEmail
        ? planEmail(pref.email, now, timezone, quiet)
        : { kind: 'none' as const };
      if (!pref.inApp && plan.kind === 'none') continue;
      rows.push({
        ...item,
        inApp: pref.inApp,
        emailState: plan.kind === 'none' ? 'none' : plan.kind === 'send' ? 'queued' : 'digest',
        digestWindow: plan.kind === 'digest' ? plan.window.id : null,
        digestDueAt: plan.kind === 'digest' ? plan.window.end : null,
        createdAt: now,
      });
    }
    const inserted = await repo.insertNotifications(infra.db, rows);
    const shown = inserted.filter((r) => r.inApp);
    const unread = await repo.unreadCounts(infra.db, unique(shown.map((r) => r.userId)));
    for (const row of shown) {
      infra.io.to(rooms.user(row.userId)).emit('notification:new', {
        notification: present(row),
        unread: unread.get(row.userId) ?? 0,
      });
    }
    for (const row of inserted.filter((r) => r.emailState === 'queued')) {
      const person = ctx.people.get(row.userId)!;
      const area = ctx.areaFor(row.userId, row.areaId);
      const sendAt = planEmail(
        'immediate',
        now,
        area.timezone,
        quietHoursOf(ctx.settingsOf(row.userId)),
      );
      await deps.mail.send(
        {
          to: person.email!,
          areaName: area.name,
          subject: row.title,
          paragraphs: [`Hello ${person.displayName},`, row.body],
          ...(row.link
            ? { action: { label: 'Open in GovCraft', url: deps.mail.link(row.link) } }
            : {}),
          unsubscribe: unsubscribeLinks(row.userId, row.kind as NotificationInput['kind']),
        },
        {
          jobId: `notification-${jobIdPart(row.id)}`,
          delayMs: sendAt.kind === 'send' ? Math.max(0, sendAt.at.getTime() - now.getTime()) : 0,
        },
      );
    }
    return inserted.length;
  }

  return { notify, unsubscribeLinks };
}
export type Delivery = ReturnType<typeof createDelivery>;
