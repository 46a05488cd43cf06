/**
 * What moderation needs from the feature that owns each kind of content: find an item (in
 * the caller's transaction), hide or restore it there, and announce the change after commit.
 * The registry is keyed by every content kind, so a new kind does not compile until a feature
 * answers for it.
 */
import type { ContentKind } from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';

export interface ModeratedItem {
  areaId: string;
  authorId: string;
  authorName: string;
  /** What was written; null once its author deleted it. */
  text: string | null;
  hidden: boolean;
  /** The quest it belongs to, for the moderator's link; null when it has none. */
  questId: string | null;
}

export interface ModeratedContent {
  find(db: DbOrTx, id: string, lock?: boolean): Promise<ModeratedItem | null>;
  /** Hides with a reason its author sees, or restores with null. */
  setHidden(tx: DbOrTx, id: string, reason: string | null): Promise<void>;
  announce(id: string): Promise<void>;
}

export type ModeratedKinds = Record<ContentKind, ModeratedContent>;
