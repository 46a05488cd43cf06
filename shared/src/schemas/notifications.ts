/** Notifications (in-app and email), their preferences, and the socket events that carry them. */
import { z } from 'zod';
import { ZFieldPerKey, ZId, ZIsoDateTime, ZList } from './common';

/** What a notification is about; each kind has its own preference row. */
export const NOTIFICATION_KINDS = [
  'quest_nearby',
  'quest_starts_soon',
  'quest_ends_soon',
  'evidence_verified',
  'evidence_rejected',
  'evidence_in_review',
  'evidence_reversed',
  'quest_reopened',
  'team_invite',
  'chapter_unlocked',
  'budget_round_opened',
  'budget_round_closed',
  'review_waiting',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof ZNotificationKind>;

/** How often email for a kind goes out: at once, in a daily or weekly digest, or never. */
export const NOTIFICATION_FREQUENCIES = ['immediate', 'daily', 'weekly', 'never'] as const;
export const ZNotificationFrequency = z.enum(NOTIFICATION_FREQUENCIES);
export type NotificationFrequency = z.infer<typeof ZNotificationFrequency>;

export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  title: z.string(),
  body: z.string(),
  /** Same-site path to the thing it is about, e.g. `/?quest=<id>`. */
  link: z.string().nullable(),
  createdAt: ZIsoDateTime,
  readAt: ZIsoDateTime.nullable(),
});
export type Notification = z.infer<typeof ZNotification>;

export const ZNotificationList = ZList(ZNotification).extend({ unread: z.number().int().min(0) });
export type NotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationListQuery = z.object({
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const ZNotificationParams = z.object({ notificationId: ZId });

export const ZUnreadCount = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof ZUnreadCount>;

/** Per kind: shown in the app or not, and how often by email. */
export const ZKindPreference = z.object({
  inApp: z.boolean(),
  email: ZNotificationFrequency,
});
export type KindPreference = z.infer<typeof ZKindPreference>;

const HH_MM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a time like 22:00');

/** No email goes out between `from` and `until` (area time); `from` may be after `until`. */
export const ZQuietHours = z
  .object({ from: HH_MM, until: HH_MM })
  .refine((q) => q.from !== q.until, { message: 'quiet hours must not start and end together' });
export type QuietHours = z.infer<typeof ZQuietHours>;

/** Where "near me" is for new-quest alerts: a point in an area and a distance. */
export const ZWatchedPlace = z.object({
  areaId: ZId,
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  radiusM: z.number().int().min(50).max(20_000),
});
export type WatchedPlace = z.infer<typeof ZWatchedPlace>;

export const ZNotificationPreferences = z.object({
  kinds: ZFieldPerKey(NOTIFICATION_KINDS, ZKindPreference),
  quietHours: ZQuietHours.nullable(),
  watch: ZWatchedPlace.nullable(),
});
export type NotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** A change to some preferences; kinds left out keep what they were. */
export const ZUpdateNotificationPreferences = z.object({
  kinds: z.partialRecord(ZNotificationKind, ZKindPreference).optional(),
  quietHours: ZQuietHours.nullable().optional(),
  watch: ZWatchedPlace.nullable().optional(),
});
export type UpdateNotificationPreferences = z.infer<typeof ZUpdateNotificationPreferences>;

export const ZUnsubscribeQuery = z.object({ token: z.string().min(10).max(400) });
export const ZUnsubscribeResult = z.object({
  kind: ZNotificationKind.nullable(),
  /** What was turned off, in words for the page that confirms it. */
  message: z.string(),
});
export type UnsubscribeResult = z.infer<typeof ZUnsubscribeResult>;

// ---- socket events ---------------------------------------------------------

export const ZNotificationNewEvent = z.object({
  notification: ZNotification,
  unread: z.number().int().min(0),
});
export type NotificationNewEvent = z.infer<typeof ZNotificationNewEvent>;

export const ZNotificationUnreadEvent = z.object({ unread: z.number().int().min(0) });
