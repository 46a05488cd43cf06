/**
 * Evidence and what it pays: the evidence rows, attestations and the append-only XP ledger.
 * Apart from `core.ts` (which they reference) so each file stays readable.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { areas, participations, quests, teams, users } from './core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const evidence = pgTable(
  'evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    questId: uuid('quest_id')
      .notNull()
      .references(() => quests.id, { onDelete: 'cascade' }),
    participationId: uuid('participation_id')
      .notNull()
      .references(() => participations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    status: text('status').notNull(),
    /** {lat, lng, accuracyM, deviceTime} */
    checkin: jsonb('checkin'),
    photoKey: text('photo_key'),
    /** 64-bit perceptual hash as 16 hex digits. */
    photoHash: text('photo_hash'),
    photoExif: jsonb('photo_exif'),
    text: text('text'),
    /** [{check, passed, detail}] from the verification worker. */
    checks: jsonb('checks'),
    score: real('score'),
    /** Why the evidence is not (yet) verified, in words a resident understands. */
    statusReason: text('status_reason'),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reviewReason: text('review_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Evidence captured offline: the capture time on the server's clock; null when sent live. */
    capturedAt: timestamp('captured_at', { withTimezone: true }),
    /** How far the phone's clock was ahead of the server's when it sent offline evidence. */
    deviceClockOffsetMs: integer('device_clock_offset_ms'),
  },
  (t) => [
    index('evidence_area_status_idx').on(t.areaId, t.status, t.submittedAt),
    index('evidence_user_submitted_idx').on(t.userId, t.submittedAt),
    index('evidence_area_hash_idx').on(t.areaId, t.photoHash),
    // The lost-job sweep reads only undecided evidence, oldest first.
    index('evidence_pending_submitted_idx')
      .on(t.submittedAt)
      .where(sql`${t.status} = 'pending'`),
    // One undecided evidence per participation: a double-tapped upload cannot queue twice.
    uniqueIndex('evidence_open_per_participation_uq')
      .on(t.participationId)
      .where(sql`${t.status} in ('pending', 'needs_review')`),
  ],
);

export const attestations = pgTable(
  'attestations',
  {
    evidenceId: uuid('evidence_id')
      .notNull()
      .references(() => evidence.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The voucher's reputation weight when they vouched (rules/reputation). */
    weight: real('weight').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.evidenceId, t.userId] })],
);

/**
 * Append-only XP ledger: one row per (evidence, user) carries the award split by
 * superpower. The unique index makes a retried verification job pay exactly once.
 */
export const xpLedger = pgTable(
  'xp_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    teamId: uuid('team_id'),
    areaId: uuid('area_id').notNull(),
    questId: uuid('quest_id').notNull(),
    evidenceId: uuid('evidence_id').notNull(),
    amount: integer('amount').notNull(),
    urgentOptimism: integer('urgent_optimism').notNull().default(0),
    socialFabric: integer('social_fabric').notNull().default(0),
    blissfulProductivity: integer('blissful_productivity').notNull().default(0),
    epicMeaning: integer('epic_meaning').notNull().default(0),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    /** What this row adds to its team's board; null (older rows) means `amount`. */
    teamAmount: integer('team_amount'),
    /** A compensating row: the row it takes back (negative amount and parts). */
    reversesId: bigint('reverses_id', { mode: 'number' }).references(
      (): AnyPgColumn => xpLedger.id,
    ),
    /** A re-payment after an upheld appeal: the reversed award it pays again. */
    repaysId: bigint('repays_id', { mode: 'number' }).references((): AnyPgColumn => xpLedger.id),
    /** Who caused a reversal or re-payment; null for awards made by the checks. */
    actorId: uuid('actor_id'),
  },
  (t) => [
    // An award pays once per (evidence, user) and (quest, user); reversals and re-payments
    // of it are rows of their own, each allowed once per row they point at.
    uniqueIndex('xp_ledger_evidence_user_uq')
      .on(t.evidenceId, t.userId)
      .where(sql`reverses_id is null and repays_id is null`),
    index('xp_ledger_user_idx').on(t.userId),
    // A quest pays each person once, even when two team-mates both send evidence for it.
    uniqueIndex('xp_ledger_quest_user_uq')
      .on(t.questId, t.userId)
      .where(sql`reverses_id is null and repays_id is null`),
    uniqueIndex('xp_ledger_reverses_uq').on(t.reversesId),
    uniqueIndex('xp_ledger_repays_uq').on(t.repaysId),
    index('xp_ledger_area_idx').on(t.areaId, t.createdAt),
    index('xp_ledger_evidence_idx').on(t.evidenceId),
  ],
);
