/**
 * Reports of content people wrote or uploaded. `content_kind` + `content_id` name the thing
 * (a comment today; a proposal, team name, evidence text or photo use the same columns), so
 * a new kind needs no migration; the feature owning the kind resolves the id.
 */
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { areas, users } from './core';

export const contentReports = pgTable(
  'content_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    areaId: uuid('area_id')
      .notNull()
      .references(() => areas.id, { onDelete: 'cascade' }),
    contentKind: text('content_kind').notNull(),
    contentId: uuid('content_id').notNull(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    /** open → upheld (content hidden) or dismissed. */
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    index('content_reports_queue_idx').on(t.areaId, t.status, t.createdAt),
    index('content_reports_content_idx').on(t.contentKind, t.contentId),
    // One report per person per item: reporting again does not stack up.
    uniqueIndex('content_reports_reporter_uq').on(t.contentKind, t.contentId, t.reporterId),
  ],
);
