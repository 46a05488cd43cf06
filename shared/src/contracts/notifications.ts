import {
  ZNotification,
  ZNotificationList,
  ZNotificationListQuery,
  ZNotificationParams,
  ZNotificationPreferences,
  ZUnreadCount,
  ZUnsubscribeQuery,
  ZUnsubscribeResult,
  ZUpdateNotificationPreferences,
} from '../schemas/notifications';
import { defineContracts } from './contract';

export const notificationsContracts = defineContracts('notifications', {
  listNotifications: {
    method: 'get',
    path: '/api/me/notifications',
    summary: 'Your notifications, newest first, with the unread count',
    query: ZNotificationListQuery,
    response: ZNotificationList,
  },
  markNotificationRead: {
    method: 'post',
    path: '/api/me/notifications/:notificationId/read',
    summary: 'Mark one notification read',
    params: ZNotificationParams,
    response: ZNotification,
    errors: [404],
  },
  markAllNotificationsRead: {
    method: 'post',
    path: '/api/me/notifications/read-all',
    summary: 'Mark every notification read',
    response: ZUnreadCount,
  },
  getNotificationPreferences: {
    method: 'get',
    path: '/api/me/notification-preferences',
    summary: 'Per kind: in the app or not, and email at once, daily, weekly or never',
    response: ZNotificationPreferences,
  },
  updateNotificationPreferences: {
    method: 'patch',
    path: '/api/me/notification-preferences',
    summary: 'Change notification preferences, quiet hours or the place watched for new quests',
    body: ZUpdateNotificationPreferences,
    response: ZNotificationPreferences,
  },
  unsubscribe: {
    method: 'post',
    path: '/api/notifications/unsubscribe',
    summary: 'One-click unsubscribe (RFC 8058) from one kind of email, with the signed link',
    query: ZUnsubscribeQuery,
    response: ZUnsubscribeResult,
  },
});
