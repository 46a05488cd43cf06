import { describe, expect, it } from 'vitest';
import { QUEST_STATUSES, type QuestStatus } from '../schemas/domain';
import {
  EDITABLE_QUEST_STATUSES,
  PUBLIC_QUEST_STATUSES,
  QUEST_TRANSITIONS,
  canTransition,
  dueTransition,
  transitionRefusal,
} from './quest-lifecycle';

/** The intended lifecycle, written out independently of the table it checks. */
const LEGAL: ReadonlySet<string> = new Set([
  'proposed>draft',
  'proposed>published',
  'proposed>rejected',
  'draft>published',
  'draft>active',
  'draft>archived',
  'published>active',
  'published>draft',
  'published>closed',
  'active>closed',
  'closed>archived',
  'closed>active',
  'active>reopened',
  'closed>reopened',
  'reopened>active',
  'reopened>closed',
]);

const pairs = QUEST_STATUSES.flatMap((from) =>
  QUEST_STATUSES.map((to) => [from, to] as [QuestStatus, QuestStatus]),
);

describe('quest lifecycle table', () => {
  it.each(pairs)('%s → %s is legal only when intended', (from, to) => {
    const legal = LEGAL.has(`${from}>${to}`);
    expect(canTransition(from, to)).toBe(legal);
    const refusal = transitionRefusal(from, to);
    if (legal) expect(refusal).toBeNull();
    else {
      expect(refusal).toContain(from);
      expect(refusal).toContain(to);
    }
  });

  it('has an entry for every status and no self-moves', () => {
    expect(Object.keys(QUEST_TRANSITIONS).sort()).toEqual([...QUEST_STATUSES].sort());
    for (const s of QUEST_STATUSES) expect(canTransition(s, s)).toBe(false);
  });

  it('keeps terminal states terminal', () => {
    expect(QUEST_TRANSITIONS.archived).toEqual([]);
    expect(QUEST_TRANSITIONS.rejected).toEqual([]);
    expect(transitionRefusal('archived', 'active')).toMatch(/cannot change any more/);
  });

  it('shows only published, active, reopened and closed quests publicly; never edits closed ones', () => {
    expect([...PUBLIC_QUEST_STATUSES].sort()).toEqual([
      'active',
      'closed',
      'published',
      'reopened',
    ]);
    expect(EDITABLE_QUEST_STATUSES).not.toContain('closed');
    expect(EDITABLE_QUEST_STATUSES).not.toContain('archived');
  });
});

describe('dueTransition', () => {
  const startsAt = new Date('2026-05-01T10:00:00Z');
  const endsAt = new Date('2026-05-02T10:00:00Z');
  const at = (iso: string) => new Date(iso);

  it('activates a published quest at its start, not before', () => {
    const q = { status: 'published' as const, startsAt, endsAt };
    expect(dueTransition(q, at('2026-05-01T09:59:59.999Z'))).toBeNull();
    expect(dueTransition(q, startsAt)).toBe('active');
  });

  it('closes an active quest at its end, not before', () => {
    const q = { status: 'active' as const, startsAt, endsAt };
    expect(dueTransition(q, at('2026-05-02T09:59:59Z'))).toBeNull();
    expect(dueTransition(q, endsAt)).toBe('closed');
  });

  it('closes a reopened quest at its new end', () => {
    const q = { status: 'reopened' as const, startsAt, endsAt };
    expect(dueTransition(q, at('2026-05-02T09:59:59Z'))).toBeNull();
    expect(dueTransition(q, endsAt)).toBe('closed');
  });

  it('closes a published quest whose whole window passed', () => {
    expect(dueTransition({ status: 'published', startsAt, endsAt }, endsAt)).toBe('closed');
  });

  it('never moves drafts, closed or archived quests', () => {
    for (const status of ['draft', 'closed', 'archived', 'proposed'] as const) {
      expect(dueTransition({ status, startsAt, endsAt }, at('2030-01-01T00:00:00Z'))).toBeNull();
    }
  });
});
