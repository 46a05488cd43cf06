/** The facts comments publish after the transaction that made them commits. */

/** Someone commented on a quest or proposal, or replied to a comment. */
export interface CommentPostedFact {
  areaId: string;
  questId: string;
  commentId: string;
  authorId: string;
  /** The comment answered, and who wrote it; null for a top-level comment. */
  parentId: string | null;
  parentAuthorId: string | null;
  at: Date;
}
