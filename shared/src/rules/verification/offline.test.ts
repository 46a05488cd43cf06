import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFLINE_CAPTURE_RULES as RULES, judgeCaptureTime } from './offline';

const RECEIVED = new Date('2026-11-30T12:00:00Z');
const HOUR = 3600_000;
const at = (offsetMs: number) => new Date(RECEIVED.getTime() + offsetMs);

describe('judging the capture time of delayed evidence', () => {
  it('accepts honest offline play and corrects the capture time by the clock offset', () => {
    // Phone 3 minutes fast; captured 5 hours ago by our clock.
    const fast = 3 * 60_000;
    const r = judgeCaptureTime({
      capturedAt: at(-5 * HOUR + fast),
      sentAt: at(fast),
      receivedAt: RECEIVED,
    });
    expect(r).toEqual({ ok: true, capturedAt: at(-5 * HOUR), clockOffsetMs: fast });
  });

  it('rejects a phone clock further from ours than the drift bound, with the reason', () => {
    const slow = -RULES.maxClockDriftS * 1000 - 60_000;
    const r = judgeCaptureTime({
      capturedAt: at(-HOUR + slow),
      sentAt: at(slow),
      receivedAt: RECEIVED,
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toBe(
        "Your phone's clock is 2 h behind ours, more than the 2 h we can allow for. Set your phone to take the time from the network, then capture this evidence again.",
      );
  });

  it('rejects a capture older than the published delay, with the reason', () => {
    const r = judgeCaptureTime({
      capturedAt: at(-(RULES.maxDelayH + 1) * HOUR),
      sentAt: RECEIVED,
      receivedAt: RECEIVED,
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toBe(
        'You captured this 2 days before it reached us. We accept evidence sent up to 48 hours after it was captured.',
      );
  });

  it('accepts a capture just inside the delay', () => {
    const r = judgeCaptureTime({
      capturedAt: at(-(RULES.maxDelayH * HOUR - 60_000)),
      sentAt: RECEIVED,
      receivedAt: RECEIVED,
    });
    expect(r.ok).toBe(true);
  });

  it('rejects a capture dated after its own sending', () => {
    const r = judgeCaptureTime({
      capturedAt: at(HOUR),
      sentAt: RECEIVED,
      receivedAt: RECEIVED,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/captured 1 h after it was sent, which cannot be right/);
  });

  it('allows upload time between sending and arriving', () => {
    const r = judgeCaptureTime({
      capturedAt: at(-40_000),
      sentAt: at(-40_000),
      receivedAt: RECEIVED,
    });
    expect(r).toEqual({ ok: true, capturedAt: at(0), clockOffsetMs: -40_000 });
  });
});
