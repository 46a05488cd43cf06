import { describe, expect, it } from 'vitest';
import { ApiError } from '../net/api';
import { CLOSED_MEANWHILE, refusalOf } from './refusal';

describe('reading a queued upload that failed', () => {
  it('keeps waiting through lost connections, outages and a lapsed sign-in', () => {
    for (const status of [0, 503, 401, 429])
      expect(refusalOf(new ApiError(status, 'x', 'try later'))).toBeNull();
  });

  it('says plainly when the quest closed while the evidence waited', () => {
    const closed = new ApiError(409, 'conflict', 'questId: this quest has closed', [
      { path: 'questId', message: 'this quest has closed' },
    ]);
    expect(refusalOf(closed)).toBe(CLOSED_MEANWHILE);
  });

  it("passes on the server's reason for evidence captured too long ago", () => {
    const reason =
      'You captured this 2 days before it reached us. We accept evidence sent up to 48 hours after it was captured.';
    const late = new ApiError(400, 'validation', `capturedAt: ${reason}`, [
      { path: 'capturedAt', message: reason },
    ]);
    expect(refusalOf(late)).toBe(reason);
  });
});
