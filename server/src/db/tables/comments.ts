/** Comments on quests and proposals (proposals are quests in the `proposed` status). */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas, quests, users } from './core';

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    questId: uuid('quest_id')
      .notNull()
      .references(() => quests.id, { onDelete: 'cascade' }),
    /** The top-level comment this one answers; replies never have replies. */
    parentId: uuid('parent_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** The author's role in the area when writing, shown beside the comment. */
    authorRole: text('author_role').notNull(),
    /** Emptied when the author deletes the comment. */
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Set while a moderator keeps the comment hidden; the reason is shown to its author. */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    hiddenReason: text('hidden_reason'),
    pinnedAt: timestamp('pinned_at', { withTimezone: true }),
  },
  (t) => [
    index('comments_quest_created_idx').on(t.questId, t.createdAt),
    index('comments_author_idx').on(t.authorId),
    // One pinned answer per quest.
    uniqueIndex('comments_one_pin_per_quest_uq')
      .on(t.questId)
      .where(sql`${t.pinnedAt} is not null`),
  ],
);
