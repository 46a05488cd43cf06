/**
 * Evidence captured without signal and sent later. The phone reports two times on its own
 * clock: when the evidence was captured and when it was sent. The difference between the
 * send time and our receive time estimates how far the phone's clock is off; the capture
 * time is corrected by it and judged on our clock, within published bounds, so honest
 * offline play passes and a backdated capture does not.
 */
import { ZOfflineCaptureRules, type OfflineCaptureRules } from '../../schemas/verification';
import { wordsForDuration } from './words';

export const DEFAULT_OFFLINE_CAPTURE_RULES: OfflineCaptureRules = ZOfflineCaptureRules.parse({
  maxDelayH: 48,
  maxClockDriftS: 2 * 3600,
  sendSlackS: 5 * 60,
});

export interface DelayedSubmission {
  /** Device clock when the evidence was captured (the earliest part of it). */
  capturedAt: Date;
  /** Device clock when the phone sent it. */
  sentAt: Date;
  /** Our clock when it arrived. */
  receivedAt: Date;
}

export type CaptureJudgement =
  | {
      ok: true;
      /** The capture time on our clock. */
      capturedAt: Date;
      /** How far the phone's clock is ahead of ours (negative: behind). */
      clockOffsetMs: number;
    }
  | { ok: false; reason: string };

/** Corrects the capture time by the phone's clock offset and checks it against the bounds. */
export function judgeCaptureTime(
  s: DelayedSubmission,
  rules: OfflineCaptureRules = DEFAULT_OFFLINE_CAPTURE_RULES,
): CaptureJudgement {
  const clockOffsetMs = s.sentAt.getTime() - s.receivedAt.getTime();
  if (Math.abs(clockOffsetMs) > rules.maxClockDriftS * 1000) {
    const side = clockOffsetMs < 0 ? 'behind' : 'ahead of';
    return {
      ok: false,
      reason: `Your phone's clock is ${wordsForDuration(clockOffsetMs)} ${side} ours, more than the ${wordsForDuration(rules.maxClockDriftS * 1000)} we can allow for. Set your phone to take the time from the network, then capture this evidence again.`,
    };
  }
  const slackMs = rules.sendSlackS * 1000;
  if (s.capturedAt.getTime() > s.sentAt.getTime() + slackMs) {
    return {
      ok: false,
      reason: `This evidence says it was captured ${wordsForDuration(s.capturedAt.getTime() - s.sentAt.getTime())} after it was sent, which cannot be right.`,
    };
  }
  const capturedAt = new Date(s.capturedAt.getTime() - clockOffsetMs);
  const delayMs = s.receivedAt.getTime() - capturedAt.getTime();
  if (delayMs > rules.maxDelayH * 3600_000) {
    return {
      ok: false,
      reason: `You captured this ${wordsForDuration(delayMs)} before it reached us. We accept evidence sent up to ${rules.maxDelayH} hours after it was captured.`,
    };
  }
  return { ok: true, capturedAt, clockOffsetMs };
}

/** The bounds in plain words, for GET /api/rules. */
export function describeOfflineCapture(
  rules: OfflineCaptureRules = DEFAULT_OFFLINE_CAPTURE_RULES,
): string {
  return `Evidence captured without signal waits on your phone and is sent when you are back online. We judge it by when you captured it: it must reach us within ${rules.maxDelayH} hours of capture, and your phone's clock may be at most ${wordsForDuration(rules.maxClockDriftS * 1000)} from ours (we correct the capture time by the difference).`;
}
