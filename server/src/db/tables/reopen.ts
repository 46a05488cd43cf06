/**
 * Accountability for quests: every status change as a public timeline row (role, not
 * person), and residents' "not fixed" reports on completed quests.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { areas, quests, users } from './core';

/**
 * One row per status change, written in the transaction that changes the status. Public:
 * it holds the role of who acted (officer, residents, system …), never a user id.
 */
export const questStatusEvents = pgTable(
  'quest_status_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    questId: uuid('quest_id')
      .notNull()
      .references(() => quests.id, { onDelete: 'cascade' }),
    /** null for the quest's first status. */
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** resident | residents | moderator | officer | admin | system */
    actorRole: text('actor_role').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('quest_status_events_quest_idx').on(t.questId, t.id)],
);

/**
 * "Not fixed" reports. `round` is the number of times the quest had been reopened when
 * the report was made, so each round of reports counts on its own and one resident
 * reports once per round. `weight` is the reporter's reputation when they reported.
 */
export const notFixedReports = pgTable(
  'not_fixed_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    questId: uuid('quest_id')
      .notNull()
      .references(() => quests.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    /** pending | verified | needs_review | rejected | upheld (the quest was reopened) */
    status: text('status').notNull(),
    weight: real('weight').notNull(),
    /** {lat, lng, accuracyM, deviceTime} */
    checkin: jsonb('checkin'),
    photoKey: text('photo_key'),
    photoHash: text('photo_hash'),
    photoExif: jsonb('photo_exif'),
    note: text('note'),
    checks: jsonb('checks'),
    score: real('score'),
    statusReason: text('status_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('not_fixed_reports_quest_user_round_uq').on(t.questId, t.userId, t.round),
    index('not_fixed_reports_user_idx').on(t.userId),
    index('not_fixed_reports_pending_idx')
      .on(t.submittedAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);
