/** Notifications for the app and email, each person's preferences, and sent digests. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas, users } from './core';

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id').references(() => areas.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    /** The same fact never notifies a person twice: `quest-starts-<questId>`. */
    dedupeKey: text('dedupe_key'),
    /** False when the person turned this kind off in the app (it may still be emailed). */
    inApp: boolean('in_app').notNull(),
    /** none | pending (immediate, queued) | digest (waiting for its window) | sent */
    emailState: text('email_state').notNull(),
    /** The digest window it belongs to, e.g. `daily:2026-12-02`. */
    digestWindow: text('digest_window'),
    /** When the digest window ends: the sweep picks up rows whose window is over. */
    digestDueAt: timestamp('digest_due_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_user_dedupe_uq').on(t.userId, t.dedupeKey),
    index('notifications_digest_due_idx')
      .on(t.digestDueAt)
      .where(sql`email_state = 'digest'`),
  ],
);

export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    inApp: boolean('in_app').notNull(),
    /** immediate | daily | weekly | never */
    email: text('email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** One row per person who changed quiet hours or chose a place to watch. */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    quietFrom: text('quiet_from'),
    quietUntil: text('quiet_until'),
    /** The area whose time zone cuts this person's digests and whose quests they watch. */
    watchAreaId: uuid('watch_area_id').references(() => areas.id, { onDelete: 'set null' }),
    watchLat: doublePrecision('watch_lat'),
    watchLng: doublePrecision('watch_lng'),
    watchRadiusM: integer('watch_radius_m'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notification_settings_watch_idx').on(t.watchAreaId)],
);
