import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REOPEN_RULES,
  inReportWindow,
  quorumReached,
  reopenDeadline,
  reportWindowEnd,
} from './quest-reopen';

const DAY = 86_400_000;
const completedAt = new Date('2026-03-01T12:00:00Z');

describe('report window', () => {
  it('ends windowDays × 24 h after the completion, end included', () => {
    const end = reportWindowEnd(completedAt, 30);
    expect(end.toISOString()).toBe('2026-03-31T12:00:00.000Z');
    expect(inReportWindow(completedAt, 30, end)).toBe(true);
    expect(inReportWindow(completedAt, 30, new Date(end.getTime() + 1))).toBe(false);
    expect(inReportWindow(completedAt, 30, new Date(completedAt.getTime() - 1))).toBe(false);
  });
});

describe('quorumReached', () => {
  it('needs both the summed weight and the number of distinct residents', () => {
    const { quorumWeight, minReporters } = DEFAULT_REOPEN_RULES;
    expect(quorumReached([quorumWeight])).toBe(minReporters <= 1);
    expect(quorumReached([1, 1])).toBe(false); // two new residents: 2 < 2.5
    expect(quorumReached([1, 1, 1])).toBe(true);
    expect(quorumReached([1.5, 1.5])).toBe(true); // two reliable residents
    expect(quorumReached([])).toBe(false);
  });
});

describe('reopenDeadline', () => {
  const now = new Date('2026-04-01T00:00:00Z');
  const questOf = (days: number) => ({
    startsAt: new Date('2026-01-01T00:00:00Z'),
    endsAt: new Date(Date.parse('2026-01-01T00:00:00Z') + days * DAY),
  });

  it('gives the quest its first length again, within the published bounds', () => {
    const { newDeadlineMinDays: min, newDeadlineMaxDays: max } = DEFAULT_REOPEN_RULES;
    expect(reopenDeadline(now, questOf(10)).getTime() - now.getTime()).toBe(10 * DAY);
    expect(reopenDeadline(now, questOf(1)).getTime() - now.getTime()).toBe(min * DAY);
    expect(reopenDeadline(now, questOf(400)).getTime() - now.getTime()).toBe(max * DAY);
  });
});
