import type { Infra } from '../../context';
import type { MailService } from '../mail/service';
import { feature } from '../module';
import { notificationsRoutes } from './routes';
import { createNotificationsService } from './service';

/**
 * Notifications sit on top: they hear other features' facts (evidence decided, XP reversed,
 * quest status changes) and run their own sweeps; features below never call them.
 */
export function notificationsFeature(infra: Infra, below: { mail: MailService }) {
  const notifications = createNotificationsService(infra, { mail: below.mail });
  const { producers } = notifications;
  return feature('notifications', notifications, {
    routes: notificationsRoutes(notifications),
    jobs: notifications.jobs,
    listeners: {
      'evidence.decided': producers.evidenceDecided,
      'xp.reversed': producers.xpReversed,
      'quest.statusChanged': producers.questStatusChanged,
      'storyline.chapterUnlocked': producers.chapterUnlocked,
    },
  });
}
