/**
 * The thread as data: comments by id, arranged top-level first with their replies, and the
 * same visibility rule as the server (a tombstone stays only while replies show under it).
 */
import type { Comment } from '@govcraft/shared';

export interface ThreadGroup {
  top: Comment;
  replies: Comment[];
}

export class ThreadState {
  private readonly byId = new Map<string, Comment>();

  constructor(private readonly meId: string | null) {}

  replaceAll(items: Comment[]): void {
    this.byId.clear();
    for (const c of items) this.byId.set(c.id, c);
  }

  /** Adds or replaces; answers whether the comment was new. */
  upsert(c: Comment): boolean {
    const isNew = !this.byId.has(c.id);
    this.byId.set(c.id, c);
    return isNew;
  }

  get(id: string): Comment | undefined {
    return this.byId.get(id);
  }

  /** A moderator hid it: others keep at most a tombstone; its author waits for the reason. */
  hide(id: string): Comment | undefined {
    const c = this.byId.get(id);
    if (!c || c.author.userId === this.meId) return undefined;
    const hidden: Comment = { ...c, state: 'hidden', body: null, pinned: false };
    this.byId.set(id, hidden);
    return hidden;
  }

  private shown(c: Comment): boolean {
    return c.state === 'visible' || (c.state === 'hidden' && c.author.userId === this.meId);
  }

  groups(): ThreadGroup[] {
    const all = [...this.byId.values()].sort(
      (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
    );
    const replies = new Map<string, Comment[]>();
    for (const c of all) {
      if (!c.parentId || !this.shown(c)) continue;
      replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
    }
    return all
      .filter((c) => !c.parentId && (this.shown(c) || replies.has(c.id)))
      .map((top) => ({ top, replies: replies.get(top.id) ?? [] }));
  }

  pinned(): Comment | undefined {
    return [...this.byId.values()].find((c) => c.pinned && c.state === 'visible');
  }

  count(): number {
    return [...this.byId.values()].filter((c) => c.state === 'visible').length;
  }
}
