/**
 * Community organisations, their pitches to run a quest or a service, the pitch milestones
 * and the money ledger (append-only; a trigger in guards.sql refuses UPDATE and DELETE).
 */
import { sql } from 'drizzle-orm';
import {
  check,
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
import { areas, quests, users } from './core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    /** The lead whose confirmed account email is the organisation's contact. */
    contactUserId: uuid('contact_user_id').references(() => users.id),
    inviteCode: text('invite_code').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('organisations_area_name_uq').on(t.areaId, sql`lower(${t.name})`),
    uniqueIndex('organisations_invite_code_uq').on(t.inviteCode),
  ],
);

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index('organisation_members_user_idx').on(t.userId),
    check('organisation_members_role_ck', sql`${t.role} in ('lead', 'member')`),
  ],
);

export const pitches = pgTable(
  'pitches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    outcome: text('outcome').notNull(),
    budgetPence: integer('budget_pence').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    radiusM: integer('radius_m').notNull(),
    status: text('status').notNull().default('draft'),
    changesRequested: text('changes_requested'),
    declineReason: text('decline_reason'),
    failureReason: text('failure_reason'),
    questId: uuid('quest_id').references(() => quests.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('pitches_area_status_idx').on(t.areaId, t.status),
    index('pitches_organisation_idx').on(t.organisationId),
    check('pitches_budget_ck', sql`${t.budgetPence} > 0`),
  ],
);

export const pitchMilestones = pgTable(
  'pitch_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pitchId: uuid('pitch_id')
      .notNull()
      .references(() => pitches.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    amountPence: integer('amount_pence').notNull(),
    evidencedBy: text('evidenced_by').notNull(),
    /** Set once, when an officer confirms the evidence and the money is released. */
    releasedAt: timestamp('released_at', { withTimezone: true }),
    evidence: text('evidence'),
  },
  (t) => [
    uniqueIndex('pitch_milestones_position_uq').on(t.pitchId, t.position),
    check('pitch_milestones_amount_ck', sql`${t.amountPence} > 0`),
  ],
);

/**
 * Money, separate from XP: `allocated` when a pitch is approved, `released` per evidenced
 * milestone, `cancelled` for what is left when a pitch fails, `reversed` to correct a row
 * (pointing at it). Amounts are positive pence; totals are sums by kind.
 */
export const moneyLedger = pgTable(
  'money_ledger',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id),
    pitchId: uuid('pitch_id')
      .notNull()
      .references(() => pitches.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    amountPence: integer('amount_pence').notNull(),
    milestoneId: uuid('milestone_id').references(() => pitchMilestones.id),
    correctsId: uuid('corrects_id'),
    actorId: uuid('actor_id').references(() => users.id),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('money_ledger_pitch_idx').on(t.pitchId, t.createdAt),
    check('money_ledger_amount_ck', sql`${t.amountPence} > 0`),
    check(
      'money_ledger_kind_ck',
      sql`${t.kind} in ('allocated', 'released', 'cancelled', 'reversed')`,
    ),
    // Each milestone is paid once; a pitch is allocated once and closed once.
    uniqueIndex('money_ledger_release_once_uq')
      .on(t.milestoneId)
      .where(sql`${t.kind} = 'released'`),
    uniqueIndex('money_ledger_allocate_once_uq')
      .on(t.pitchId)
      .where(sql`${t.kind} = 'allocated'`),
    uniqueIndex('money_ledger_cancel_once_uq')
      .on(t.pitchId)
      .where(sql`${t.kind} = 'cancelled'`),
  ],
);
