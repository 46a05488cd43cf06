/** Single-use tokens sent by email: verify an address, reset a password, change the address. */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

export const accountTokens = pgTable(
  'account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** verify_email | reset_password | change_email */
    purpose: text('purpose').notNull(),
    /** SHA-256 of the token: a database leak does not leak usable links. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The address being confirmed (verify_email, change_email). */
    email: text('email').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when used, or when a newer token of the same purpose replaced it. */
    spentAt: timestamp('spent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('account_tokens_live_idx')
      .on(t.userId, t.purpose)
      .where(sql`spent_at is null`),
  ],
);
