/**
 * The published rules for comments on quests and proposals, shared so the thread shows
 * exactly what the server will allow (the edit button disappears when the window closes).
 */

/** A comment can be edited for this long after it was posted; after that it stands as written. */
export const COMMENT_EDIT_WINDOW_MS = 15 * 60_000;

/** Longest comment body, in characters. */
export const COMMENT_MAX_LENGTH = 2000;

/** Longest reason a person gives when reporting something. */
export const REPORT_REASON_MAX_LENGTH = 500;

/** Comments posted by one person in one minute before the server answers 429. */
export const COMMENTS_PER_MINUTE = 6;

/** The instant after which a comment posted at `createdAt` can no longer be edited. */
export function commentEditableUntil(createdAt: string | Date): Date {
  return new Date(new Date(createdAt).getTime() + COMMENT_EDIT_WINDOW_MS);
}

/** Whether a comment posted at `createdAt` may still be edited at `now`. */
export function canEditComment(createdAt: string | Date, now: Date): boolean {
  return now.getTime() < commentEditableUntil(createdAt).getTime();
}
