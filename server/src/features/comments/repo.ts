import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { comments, users } from '../../db/schema';

export type CommentRow = typeof comments.$inferSelect;
/** A comment with the name its author goes by now. */
export type CommentWithAuthor = CommentRow & { authorName: string };

/** Longest thread one answer holds; a busier thread shows its first comments. */
export const THREAD_LIMIT = 1000;

const withAuthor = { comment: comments, authorName: users.displayName };
const flatten = (r: { comment: CommentRow; authorName: string }): CommentWithAuthor => ({
  ...r.comment,
  authorName: r.authorName,
});

export async function insertComment(
  db: DbOrTx,
  values: typeof comments.$inferInsert,
): Promise<CommentRow> {
  const [row] = await db.insert(comments).values(values).returning();
  return row!;
}

export async function findComment(
  db: DbOrTx,
  commentId: string,
  lock = false,
): Promise<CommentWithAuthor | null> {
  const base = db
    .select(withAuthor)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.id, commentId));
  const row = await firstRow(lock ? base.for('update', { of: comments }) : base);
  return row ? flatten(row) : null;
}

/** The whole thread of a quest, oldest first. */
export async function listThread(db: DbOrTx, questId: string): Promise<CommentWithAuthor[]> {
  const rows = await db
    .select(withAuthor)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.questId, questId))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(THREAD_LIMIT);
  return rows.map(flatten);
}

export async function updateComment(
  db: DbOrTx,
  commentId: string,
  values: Partial<typeof comments.$inferInsert>,
): Promise<void> {
  await db.update(comments).set(values).where(eq(comments.id, commentId));
}

/** Clears the quest's pin; answers the comment that was pinned, if any. */
export async function clearPin(
  db: DbOrTx,
  questId: string,
): Promise<{ id: string; areaId: string } | null> {
  const rows = await db
    .update(comments)
    .set({ pinnedAt: null })
    .where(and(eq(comments.questId, questId), isNotNull(comments.pinnedAt)))
    .returning({ id: comments.id, areaId: comments.areaId });
  return rows[0] ?? null;
}
