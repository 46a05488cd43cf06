/**
 * Time credits: partners, their staff and offers, the credit accounts and the append-only
 * double-entry ledger between them, and the one-time codes residents show to partners.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { areas, quests, users } from './core';

/** A local business, leisure centre or venue that honours credits in one area. */
export const partners = pgTable('partners', {
  id: uuid('id').primaryKey().defaultRandom(),
  areaId: uuid('area_id')
    .notNull()
    .references(() => areas.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  description: text('description').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Ordinary user accounts that act for a partner (they sign in as usual). */
export const partnerStaff = pgTable(
  'partner_staff',
  {
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.userId] }),
    index('partner_staff_user_idx').on(t.userId),
  ],
);

export const creditOffers = pgTable(
  'credit_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    cost: integer('cost').notNull(),
    /** Codes one resident may hold for this offer; null: no limit. */
    perResidentLimit: integer('per_resident_limit'),
    /** Codes this offer may ever give out; null: no limit. */
    totalLimit: integer('total_limit'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('credit_offers_area_idx').on(t.areaId),
    check('credit_offers_cost_positive', sql`${t.cost} > 0`),
  ],
);

/**
 * One account per holder: the area's council (issuer), each resident, each partner, and
 * the area's expiry sink. A resident's balance is the ledger sum; redemptions lock the
 * account row so two of them cannot both spend the same credits.
 */
export const creditAccounts = pgTable(
  'credit_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    /** council | resident | partner | expired */
    kind: text('kind').notNull(),
    userId: uuid('user_id').references(() => users.id),
    partnerId: uuid('partner_id').references(() => partners.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('credit_accounts_resident_uq')
      .on(t.areaId, t.userId)
      .where(sql`${t.kind} = 'resident'`),
    uniqueIndex('credit_accounts_partner_uq')
      .on(t.partnerId)
      .where(sql`${t.kind} = 'partner'`),
    uniqueIndex('credit_accounts_area_kind_uq')
      .on(t.areaId, t.kind)
      .where(sql`${t.kind} in ('council', 'expired')`),
  ],
);

/**
 * The credit ledger, append-only (guards.sql): every movement is one row taking `amount`
 * from one account and giving it to another, so the sum over all accounts is always zero.
 */
export const creditLedger = pgTable(
  'credit_ledger',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    areaId: uuid('area_id').notNull(),
    /** issued | redeemed | expired | reversed */
    kind: text('kind').notNull(),
    fromAccountId: uuid('from_account_id')
      .notNull()
      .references(() => creditAccounts.id),
    toAccountId: uuid('to_account_id')
      .notNull()
      .references(() => creditAccounts.id),
    amount: integer('amount').notNull(),
    questId: uuid('quest_id').references(() => quests.id),
    evidenceId: uuid('evidence_id'),
    /** Holder of an issue (the resident paid); used to find it again for a reversal. */
    userId: uuid('user_id'),
    redemptionId: uuid('redemption_id'),
    reversesId: bigint('reverses_id', { mode: 'number' }).references(
      (): AnyPgColumn => creditLedger.id,
    ),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('credit_ledger_amount_positive', sql`${t.amount} > 0`),
    check('credit_ledger_two_accounts', sql`${t.fromAccountId} <> ${t.toAccountId}`),
    // One issue per verified evidence and person; each issue is reversed at most once.
    uniqueIndex('credit_ledger_issue_uq')
      .on(t.evidenceId, t.userId)
      .where(sql`${t.kind} = 'issued'`),
    uniqueIndex('credit_ledger_reverses_uq').on(t.reversesId),
    index('credit_ledger_from_idx').on(t.fromAccountId),
    index('credit_ledger_to_idx').on(t.toAccountId),
    index('credit_ledger_area_idx').on(t.areaId, t.kind),
  ],
);

/** A code a resident shows a partner; only its hash is kept. Confirmed once. */
export const creditRedemptions = pgTable(
  'credit_redemptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => creditOffers.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    areaId: uuid('area_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull().unique(),
    cost: integer('cost').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
  },
  (t) => [
    index('credit_redemptions_partner_idx').on(t.partnerId, t.createdAt),
    index('credit_redemptions_user_idx').on(t.userId, t.offerId),
  ],
);
