/**
 * Participatory budget rounds: a round per area with its money (pence) and phase dates, the
 * projects residents propose, and one secret ballot per resident per round.
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
  bigint,
  boolean,
} from 'drizzle-orm/pg-core';
import { areas, quests, users } from './core';

export const budgetRounds = pgTable(
  'budget_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }).notNull(),
    phase: text('phase').notNull(),
    proposalsEndAt: timestamp('proposals_end_at', { withTimezone: true }).notNull(),
    feasibilityEndAt: timestamp('feasibility_end_at', { withTimezone: true }).notNull(),
    votingEndAt: timestamp('voting_end_at', { withTimezone: true }).notNull(),
    minProjects: integer('min_projects').notNull(),
    maxProjects: integer('max_projects'),
    method: text('method').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('budget_rounds_area_idx').on(t.areaId, t.createdAt),
    check('budget_rounds_amount_positive', sql`${t.amountPence} > 0`),
    check(
      'budget_rounds_phase_known',
      sql`${t.phase} in ('proposals', 'feasibility', 'voting', 'results')`,
    ),
  ],
);

export const budgetProjects = pgTable(
  'budget_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => budgetRounds.id, { onDelete: 'cascade' }),
    proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    costPence: bigint('cost_pence', { mode: 'number' }).notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    feasible: boolean('feasible'),
    feasibilityReason: text('feasibility_reason'),
    /** Written once, when results are computed. */
    votes: integer('votes'),
    funded: boolean('funded'),
    /** The quest that delivers a funded project; its budget is `costPence`. */
    questId: uuid('quest_id').references(() => quests.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('budget_projects_round_idx').on(t.roundId),
    uniqueIndex('budget_projects_quest_uq').on(t.questId),
    check('budget_projects_cost_positive', sql`${t.costPence} > 0`),
  ],
);

/** One ballot per resident per round; replaced in place when the resident changes it. */
export const budgetBallots = pgTable(
  'budget_ballots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => budgetRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    totalPence: bigint('total_pence', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('budget_ballots_round_user_uq').on(t.roundId, t.userId)],
);

export const budgetBallotChoices = pgTable(
  'budget_ballot_choices',
  {
    ballotId: uuid('ballot_id')
      .notNull()
      .references(() => budgetBallots.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => budgetProjects.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.ballotId, t.projectId] }),
    index('budget_ballot_choices_project_idx').on(t.projectId),
  ],
);
