import { describe, expect, it } from 'vitest';
import { TIMELINE_ROLES, type QuestStatusEvent } from '@govcraft/shared';
import { reportsLine, timelineLine } from './timeline-words';

const event = (over: Partial<QuestStatusEvent>): QuestStatusEvent => ({
  from: 'active',
  to: 'reopened',
  by: 'residents',
  at: '2026-03-02T10:00:00Z',
  reason: null,
  ...over,
});

describe('timeline words', () => {
  it('says each change by role, never by name', () => {
    expect(timelineLine(event({}))).toBe('Reopened: reported not fixed by residents’ reports');
    expect(timelineLine(event({ from: null, to: 'draft', by: 'officer' }))).toBe(
      'Posted by a council officer',
    );
    expect(timelineLine(event({ from: 'reopened', to: 'active', by: 'system' }))).toBe(
      'Done again: back to active',
    );
    expect(timelineLine(event({ from: 'active', to: 'closed', by: 'system' }))).toBe(
      'Closed at its deadline',
    );
    for (const by of TIMELINE_ROLES) expect(timelineLine(event({ by }))).not.toMatch(/undefined/);
  });

  it('counts reports against the quorum', () => {
    expect(reportsLine(1, 1, 2.5)).toBe(
      '1 report so far, weighing 1 of the 2.5 needed to reopen it.',
    );
    expect(reportsLine(2, 2.67, 2.5)).toContain('2 reports so far');
  });
});
