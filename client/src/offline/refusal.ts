/** How a queued evidence's failed upload is read: wait and try again, or refused for good. */
import type { ApiError } from '../net/api';

/** What a resident reads when a quest closed while their evidence waited. */
export const CLOSED_MEANWHILE =
  'This quest closed before your evidence could be sent, so it can no longer count. Remove it from the list.';

/**
 * Null while the same upload may still succeed (no connection, an outage, a lapsed sign-in,
 * too many tries); otherwise the words that say why it never will.
 */
export function refusalOf(err: ApiError): string | null {
  if (err.isTemporary || err.status === 401 || err.status === 429) return null;
  const closed = err.issues.some((i) => i.path === 'questId') && /closed/.test(err.message);
  if (closed) return CLOSED_MEANWHILE;
  // The field's own words read better than the message, which names the field first.
  return err.issues[0]?.message ?? err.message;
}
