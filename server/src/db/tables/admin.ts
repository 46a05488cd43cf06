/** One-time links that let the first platform admin choose a password (no known password). */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './core';

export const adminSetupTokens = pgTable(
  'admin_setup_tokens',
  {
    /** SHA-256 of the token, hex; the token itself is only ever printed once. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the link is used; a used link never works again. */
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('admin_setup_tokens_user_idx').on(t.userId)],
);
