import { describe, expect, it } from 'vitest';
import { geofenceCheck, timeWindowCheck, travelCheck } from './checkin';
import { DEFAULT_VERIFICATION_RULES as RULES } from './model';
import { checkinNorth, ENDS, HOUR, north, quest, RECEIVED, SPOT, STARTS } from './test-fixtures';

describe('geofence check', () => {
  const fence = (metres: number, accuracyM: number) =>
    geofenceCheck(quest(), checkinNorth(metres, accuracyM), RULES.geofence);

  it('passes inside the radius and says how far and how much was allowed', () => {
    const r = fence(12, 10);
    expect(r.verdict).toBe('pass');
    expect(r.score).toBe(1);
    expect(r.detail).toBe(
      "You checked in 12 m from the spot (allowed 60 m: the 50 m circle plus 10 m for your phone's accuracy).",
    );
  });

  it('allows the reported accuracy only up to the cap', () => {
    const r = fence(120, 500);
    expect(r.verdict).toBe('reject');
    expect(r.detail).toBe(
      "You checked in 120 m from the spot (allowed 100 m: the 50 m circle plus 50 m for your phone's accuracy).",
    );
  });

  it('counts a vague fix inside the circle for less', () => {
    const r = fence(30, 150);
    expect(r.verdict).toBe('pass');
    expect(r.score).toBe(RULES.geofence.poorAccuracyScore);
    expect(r.detail).toMatch(/within 150 m, so this counts for a little less/);
  });

  it('rejects a missing check-in', () => {
    const r = geofenceCheck(quest(), null, RULES.geofence);
    expect(r.verdict).toBe('reject');
    expect(r.detail).toMatch(/did not check in/);
  });
});

describe('time window check', () => {
  const sentAt = (receivedAt: Date, deviceTime: Date | null = null) =>
    timeWindowCheck(
      quest(),
      receivedAt,
      deviceTime ? { ...SPOT, accuracyM: 5, deviceTime } : null,
      RULES.timeWindow,
    );

  it('passes inside the window with an honest phone clock', () => {
    expect(sentAt(RECEIVED, RECEIVED).verdict).toBe('pass');
  });

  it('rejects before the start and after the end, saying by how much', () => {
    const early = sentAt(new Date(STARTS.getTime() - 2 * HOUR));
    expect(early.verdict).toBe('reject');
    expect(early.detail).toBe('You sent this 2 h before the quest opened.');
    const late = sentAt(new Date(ENDS.getTime() + 3 * 24 * HOUR));
    expect(late.verdict).toBe('reject');
    expect(late.detail).toBe('You sent this 3 days after the quest closed.');
  });

  it('doubts a phone clock far from the server clock', () => {
    const r = sentAt(RECEIVED, new Date(RECEIVED.getTime() - 2 * HOUR));
    expect(r.verdict).toBe('doubt');
    expect(r.detail).toMatch(/clock was 2 h behind ours/);
  });
});

describe('travel check', () => {
  const here = { ...SPOT, accuracyM: 5, deviceTime: RECEIVED };
  /** Arriving here from `metres` north, `ago` ms after the previous check-in. */
  const from = (metres: number, ago: number) =>
    travelCheck(
      here,
      RECEIVED,
      { ...north(metres), at: new Date(RECEIVED.getTime() - ago) },
      RULES.travel,
    );

  it('passes a first check-in and a believable journey', () => {
    expect(travelCheck(here, RECEIVED, null, RULES.travel).detail).toBe(
      'This is your first check-in.',
    );
    const walk = from(2000, 40 * 60_000);
    expect(walk.verdict).toBe('pass');
    expect(walk.detail).toMatch(/2.0 km from your last check-in 40 min before/);
  });

  it('rejects a move faster than anyone can travel once a second fix confirms it', () => {
    const confirmed = { ...here, confirmingFix: { ...SPOT, accuracyM: 6 } };
    const r = travelCheck(
      confirmed,
      RECEIVED,
      { ...north(8200), at: new Date(RECEIVED.getTime() - 3 * 60_000) },
      RULES.travel,
    );
    expect(r.verdict).toBe('reject');
    expect(r.detail).toMatch(/8.2 km from your last check-in 3 min before: that is 164 km\/h/);
  });

  it('sends an unconfirmed impossible move to an officer instead of rejecting it', () => {
    const r = from(8200, 3 * 60_000);
    expect(r.verdict).toBe('doubt');
    expect(r.score).toBe(RULES.travel.unconfirmedScore);
    expect(r.detail).toMatch(/can jump for a moment, so an officer will take a look/);
  });

  it('judges the shortest distance both fixes allow, given their accuracy', () => {
    // 1.2 km apart 30 s later, but the fixes were only good to 400 m and 300 m.
    const vague = travelCheck(
      { ...here, accuracyM: 300 },
      RECEIVED,
      { ...north(1200), accuracyM: 400, at: new Date(RECEIVED.getTime() - 30_000) },
      RULES.travel,
    );
    expect(vague.verdict).toBe('pass');
  });

  it('ignores GPS jitter even when the check-ins are a second apart', () => {
    expect(from(300, 0).verdict).toBe('pass');
  });
});
