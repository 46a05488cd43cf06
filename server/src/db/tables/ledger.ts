/**
 * What travels with the XP ledger: the outbox the leaderboard relay drains (one row per
 * ledger row, written in the ledger row's transaction), and the accountability records of
 * taking XP back for cheating: strikes, suspensions and the one appeal per evidence.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './core';
import { xpLedger } from './evidence';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Ledger rows not yet on the Redis boards; the relay marks each applied once it is. */
export const ledgerOutbox = pgTable(
  'ledger_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ledgerId: bigint('ledger_id', { mode: 'number' })
      .notNull()
      .references(() => xpLedger.id),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_outbox_ledger_uq').on(t.ledgerId),
    index('ledger_outbox_pending_idx')
      .on(t.id)
      .where(sql`applied_at is null`),
  ],
);

/** Confirmed cheating: one strike per evidence; lifted by an upheld appeal or an admin. */
export const evidenceStrikes = pgTable(
  'evidence_strikes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    areaId: uuid('area_id').notNull(),
    evidenceId: uuid('evidence_id').notNull(),
    actorId: uuid('actor_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('evidence_strikes_evidence_uq').on(t.evidenceId),
    index('evidence_strikes_user_area_idx').on(t.userId, t.areaId),
  ],
);

/** An account whose evidence is refused in an area until an admin lifts it. */
export const evidenceSuspensions = pgTable(
  'evidence_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    areaId: uuid('area_id').notNull(),
    createdAt: createdAt(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by'),
  },
  (t) => [
    uniqueIndex('evidence_suspensions_active_uq')
      .on(t.userId, t.areaId)
      .where(sql`lifted_at is null`),
  ],
);

/** A resident's one appeal against a reversal of their evidence. */
export const evidenceAppeals = pgTable(
  'evidence_appeals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evidenceId: uuid('evidence_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    areaId: uuid('area_id').notNull(),
    reason: text('reason').notNull(),
    /** open → upheld | dismissed */
    status: text('status').notNull().default('open'),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('evidence_appeals_evidence_uq').on(t.evidenceId)],
);
