import { notificationsContracts as api } from '@govcraft/shared';
import { defineRoute, PUBLIC, SIGNED_IN, userIdOf, type AnyRouteSpec } from '../../http/route';
import type { NotificationsService } from './service';

export function notificationsRoutes(notifications: NotificationsService): AnyRouteSpec[] {
  return [
    defineRoute(api.listNotifications, {
      access: SIGNED_IN,
      handler: ({ actor, query }) => notifications.list(userIdOf(actor), query),
    }),
    defineRoute(api.markNotificationRead, {
      access: SIGNED_IN,
      rateLimit: 'write',
      handler: ({ actor, params }) =>
        notifications.markRead(userIdOf(actor), params.notificationId),
    }),
    defineRoute(api.markAllNotificationsRead, {
      access: SIGNED_IN,
      rateLimit: 'write',
      handler: ({ actor }) => notifications.markAllRead(userIdOf(actor)),
    }),
    defineRoute(api.getNotificationPreferences, {
      access: SIGNED_IN,
      handler: ({ actor }) => notifications.preferences(userIdOf(actor)),
    }),
    defineRoute(api.updateNotificationPreferences, {
      access: SIGNED_IN,
      rateLimit: 'write',
      handler: ({ actor, body }) => notifications.updatePreferences(userIdOf(actor), body),
    }),
    // Mail programs post here with no session (RFC 8058): the signed token is the proof.
    defineRoute(api.unsubscribe, {
      access: PUBLIC,
      rateLimit: 'write',
      handler: ({ query }) => notifications.unsubscribe(query.token),
    }),
  ];
}
