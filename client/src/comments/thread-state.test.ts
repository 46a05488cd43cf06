import { describe, expect, it } from 'vitest';
import type { Comment } from '@govcraft/shared';
import { ThreadState } from './thread-state';

const ME = '00000000-0000-4000-8000-0000000000aa';
const OTHER = '00000000-0000-4000-8000-0000000000bb';

function comment(id: string, at: number, over: Partial<Comment> = {}): Comment {
  return {
    id,
    questId: 'q',
    parentId: null,
    author: { userId: OTHER, displayName: 'Ben', role: 'resident' },
    body: `text of ${id}`,
    state: 'visible',
    moderationReason: null,
    pinned: false,
    createdAt: new Date(Date.UTC(2026, 0, 1, 10, at)).toISOString(),
    editedAt: null,
    ...over,
  };
}

describe('ThreadState', () => {
  it('groups replies under their comment, oldest first', () => {
    const s = new ThreadState(ME);
    s.replaceAll([
      comment('b', 2),
      comment('r1', 3, { parentId: 'a' }),
      comment('a', 1),
      comment('r2', 4, { parentId: 'a' }),
    ]);
    expect(s.groups().map((g) => [g.top.id, g.replies.map((r) => r.id)])).toEqual([
      ['a', ['r1', 'r2']],
      ['b', []],
    ]);
  });

  it('keeps a removed comment as a tombstone only while replies show under it', () => {
    const s = new ThreadState(ME);
    s.replaceAll([comment('a', 1), comment('r', 2, { parentId: 'a' }), comment('b', 3)]);
    expect(s.hide('a')?.state).toBe('hidden');
    expect(s.hide('b')?.body).toBeNull();
    expect(s.groups().map((g) => [g.top.id, g.top.state])).toEqual([['a', 'hidden']]);
    expect(s.count()).toBe(1);
  });

  it("leaves the reader's own hidden comment for the moderator's reason to arrive", () => {
    const s = new ThreadState(ME);
    const mine = comment('m', 1, { author: { userId: ME, displayName: 'Me', role: 'resident' } });
    s.replaceAll([mine]);
    expect(s.hide('m')).toBeUndefined();
    s.upsert({ ...mine, state: 'hidden', moderationReason: 'rude' });
    expect(s.groups()[0]?.top.moderationReason).toBe('rude');
  });
});
