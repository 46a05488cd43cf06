import { describe, expect, it } from 'vitest';
import {
  defaultKindPreferences,
  digestWindowOf,
  isDigestDue,
  isQuietAt,
  planEmail,
  quietHoursEndAfter,
} from './notifications';

const LONDON = 'Europe/London';
const at = (iso: string) => new Date(iso);

describe('digest windows', () => {
  it('cuts days at local midnight', () => {
    // 23:30 UTC on 1 July is 00:30 on 2 July in London (BST).
    const w = digestWindowOf('daily', at('2026-07-01T23:30:00Z'), LONDON);
    expect(w.id).toBe('daily:2026-07-02');
    expect(w.start.toISOString()).toBe('2026-07-01T23:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-07-02T23:00:00.000Z');
  });

  it('cuts weeks at local Monday midnight', () => {
    const w = digestWindowOf('weekly', at('2026-12-02T12:00:00Z'), 'Pacific/Auckland');
    expect(w.id).toBe('weekly:2026-W49');
    expect(w.start.toISOString()).toBe('2026-11-29T11:00:00.000Z');
  });

  it('puts every instant of a day in the same window', () => {
    const ids = new Set(
      [0, 5, 11, 17, 23].map(
        (h) =>
          digestWindowOf('daily', at(`2026-12-02T${String(h).padStart(2, '0')}:10:00Z`), LONDON).id,
      ),
    );
    expect([...ids]).toEqual(['daily:2026-12-02']);
  });
});

describe('quiet hours', () => {
  const overnight = { from: '22:00', until: '07:00' };

  it.each([
    ['2026-12-02T21:59:00Z', false],
    ['2026-12-02T22:00:00Z', true],
    ['2026-12-03T03:00:00Z', true],
    ['2026-12-03T06:59:00Z', true],
    ['2026-12-03T07:00:00Z', false],
  ])('overnight span at %s is quiet: %s', (iso, quiet) => {
    expect(isQuietAt(at(iso), LONDON, overnight)).toBe(quiet);
  });

  it('handles a span within one day', () => {
    const lunch = { from: '12:00', until: '13:00' };
    expect(isQuietAt(at('2026-12-02T12:30:00Z'), LONDON, lunch)).toBe(true);
    expect(isQuietAt(at('2026-12-02T13:30:00Z'), LONDON, lunch)).toBe(false);
  });

  it('finds the end of quiet hours, today or tomorrow', () => {
    expect(quietHoursEndAfter(at('2026-12-02T23:00:00Z'), LONDON, overnight).toISOString()).toBe(
      '2026-12-03T07:00:00.000Z',
    );
    expect(quietHoursEndAfter(at('2026-12-03T02:00:00Z'), LONDON, overnight).toISOString()).toBe(
      '2026-12-03T07:00:00.000Z',
    );
    const awake = at('2026-12-03T09:00:00Z');
    expect(quietHoursEndAfter(awake, LONDON, overnight)).toBe(awake);
    expect(quietHoursEndAfter(awake, LONDON, null)).toBe(awake);
  });

  it('is read on the area clock, not UTC', () => {
    // 21:30 UTC in July is 22:30 BST.
    expect(isQuietAt(at('2026-07-01T21:30:00Z'), LONDON, overnight)).toBe(true);
    expect(isQuietAt(at('2026-07-01T21:30:00Z'), 'UTC', overnight)).toBe(false);
  });
});

describe('planning an email', () => {
  const quiet = { from: '22:00', until: '07:00' };

  it('sends immediate email at once, or when quiet hours end', () => {
    expect(planEmail('immediate', at('2026-12-02T10:00:00Z'), LONDON, quiet)).toEqual({
      kind: 'send',
      at: at('2026-12-02T10:00:00Z'),
    });
    expect(planEmail('immediate', at('2026-12-02T23:00:00Z'), LONDON, quiet)).toEqual({
      kind: 'send',
      at: at('2026-12-03T07:00:00Z'),
    });
  });

  it('holds digest email for its window, and never sends "never"', () => {
    const plan = planEmail('daily', at('2026-12-02T10:00:00Z'), LONDON, null);
    expect(plan).toMatchObject({ kind: 'digest', frequency: 'daily' });
    expect(plan.kind === 'digest' && plan.window.id).toBe('daily:2026-12-02');
    expect(planEmail('never', at('2026-12-02T10:00:00Z'), LONDON, null)).toEqual({ kind: 'none' });
  });

  it('sends a digest only after its window, outside quiet hours', () => {
    const window = digestWindowOf('daily', at('2026-12-02T10:00:00Z'), LONDON);
    expect(isDigestDue(window, at('2026-12-02T23:59:00Z'), LONDON, null)).toBe(false);
    expect(isDigestDue(window, at('2026-12-03T00:05:00Z'), LONDON, null)).toBe(true);
    expect(isDigestDue(window, at('2026-12-03T00:05:00Z'), LONDON, quiet)).toBe(false);
    expect(isDigestDue(window, at('2026-12-03T07:05:00Z'), LONDON, quiet)).toBe(true);
  });

  it('starts everyone with every kind in the app', () => {
    expect(Object.values(defaultKindPreferences()).every((p) => p.inApp)).toBe(true);
  });
});
