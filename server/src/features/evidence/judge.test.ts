import { describe, expect, it } from 'vitest';
import type { VerificationInput } from '@govcraft/shared/rules/verification';
import { judge } from './judge';

const spot = { lat: 52.631797, lng: -1.144736 };
const received = new Date('2026-11-20T12:00:00Z');

function input(overrides: Partial<VerificationInput> = {}): VerificationInput {
  return {
    quest: {
      ...spot,
      radiusM: 100,
      startsAt: new Date('2026-11-20T00:00:00Z'),
      endsAt: new Date('2026-11-21T00:00:00Z'),
      rules: { checkin: true, photo: false, text: false, attestations: 2, officerSignOff: false },
    },
    receivedAt: received,
    checkin: { ...spot, accuracyM: 5, deviceTime: received },
    photo: null,
    text: null,
    previousCheckin: null,
    attestations: 0,
    officerDecision: null,
    ...overrides,
  };
}

describe('judge', () => {
  it('keeps evidence pending, saying how many vouches are missing, when only those are', () => {
    const outcome = judge(input({ attestations: 1 }));
    expect(outcome.status).toBe('pending');
    expect(outcome.reasons).toEqual(['Waiting for 1 more resident to vouch for this.']);
    expect(outcome.checks.find((c) => c.check === 'attestations')?.passed).toBe(false);
  });

  it('verifies once enough residents vouched', () => {
    expect(judge(input({ attestations: 2 })).status).toBe('verified');
  });

  it('rejects at once when a check fails outright, without waiting for vouches', () => {
    const far = { lat: 52.625868, lng: -1.134302, accuracyM: 5, deviceTime: received };
    const outcome = judge(input({ checkin: far }));
    expect(outcome.status).toBe('rejected');
    expect(outcome.reasons.join(' ')).toMatch(/from the spot/);
  });

  it("lets an officer's approval settle missing vouches", () => {
    expect(judge(input({ officerDecision: 'approve' })).status).toBe('verified');
  });
});
