/**
 * Notifications, composed from rooms: `deliver` (store, show, email), `digests`, `inbox`
 * (the centre), `preferences`, `producers` (facts → notifications) and `reminders` (sweeps).
 */
import type { Infra } from '../../context';
import type { MailService } from '../mail/service';
import { createDelivery } from './deliver';
import { createDigests } from './digests';
import { createInbox } from './inbox';
import { notificationSweeps } from './jobs';
import { createPreferences } from './preferences';
import { createProducers } from './producers';
import { createReminders } from './reminders';
import { createUnsubscribeTokens } from './unsubscribe-token';

export type { NotificationInput } from './model';

export function createNotificationsService(
  infra: Pick<Infra, 'db' | 'clock' | 'io' | 'logger' | 'config'>,
  deps: { mail: Pick<MailService, 'send' | 'link'> },
) {
  const unsubscribe = createUnsubscribeTokens(infra.config.SESSION_SECRET);
  const delivery = createDelivery(infra, { mail: deps.mail, unsubscribe });
  const digests = createDigests(infra, {
    mail: deps.mail,
    unsubscribeLinks: delivery.unsubscribeLinks,
  });
  const inbox = createInbox(infra);
  const preferences = createPreferences(infra, { unsubscribe });
  const producers = createProducers(infra, delivery.notify);
  const reminders = createReminders(infra, delivery.notify);

  return {
    /** For features that make notifications of their own (budget rounds, team invites). */
    notify: delivery.notify,
    list: inbox.list,
    markRead: inbox.markRead,
    markAllRead: inbox.markAllRead,
    preferences: preferences.get,
    updatePreferences: preferences.update,
    unsubscribe: preferences.unsubscribe,
    sendDueDigests: digests.sendDueDigests,
    questsSoon: reminders.questsSoon,
    reviewWaiting: reminders.reviewWaiting,
    producers,
    jobs: notificationSweeps({ ...digests, ...reminders }),
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
