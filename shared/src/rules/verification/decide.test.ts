import { describe, expect, it } from 'vitest';
import { ZVerificationRules, type VerificationRules } from '../../schemas/verification';
import { verifyEvidence } from './decide';
import { DEFAULT_VERIFICATION_RULES as RULES } from './model';
import {
  bareCameraPhoto,
  checkinNorth,
  ENDS,
  goodInput,
  HOUR,
  north,
  photoAt,
  quest,
  RECEIVED,
  STARTS,
} from './test-fixtures';

describe('verifyEvidence', () => {
  it('verifies good evidence with a full score and no reasons', () => {
    const out = verifyEvidence(goodInput());
    expect(out.status).toBe('verified');
    expect(out.score).toBe(1);
    expect(out.reasons).toEqual([]);
    expect(out.checks.map((c) => c.check)).toEqual([
      'geofence',
      'timeWindow',
      'travel',
      'photoExif',
      'duplicatePhoto',
    ]);
    expect(out.checks.every((c) => c.passed)).toBe(true);
  });

  it('runs only the checks the quest asks for (plus the time window)', () => {
    const out = verifyEvidence(
      goodInput({
        quest: quest({ checkin: false, photo: false, text: true }),
        text: 'Litter picked',
      }),
    );
    expect(out.checks.map((c) => c.check)).toEqual(['timeWindow', 'text']);
    expect(out.status).toBe('verified');
  });

  it.each([
    ['outside the geofence', { checkin: checkinNorth(400) }, 'geofence'],
    ['after the quest closed', { receivedAt: new Date(ENDS.getTime() + HOUR) }, 'timeWindow'],
    ['the same photo', { photo: photoAt({ nearestHashDistance: 0 }) }, 'duplicatePhoto'],
    [
      'impossible travel confirmed by a second fix',
      {
        previousCheckin: { ...north(30_000), at: new Date(RECEIVED.getTime() - 60_000) },
        checkin: {
          ...checkinNorth(12, 8, new Date(RECEIVED.getTime() - 20_000)),
          confirmingFix: { ...north(14), accuracyM: 8 },
        },
      },
      'travel',
    ],
    ['an officer rejected it', { officerDecision: 'reject' as const }, 'officerSignOff'],
  ])('rejects outright when %s, whatever else passed', (_name, over, check) => {
    const out = verifyEvidence(goodInput(over));
    expect(out.status).toBe('rejected');
    const failed = out.checks.find((c) => c.check === check);
    expect(failed?.passed).toBe(false);
    expect(out.reasons).toEqual([failed?.detail]);
  });

  it('an officer rejection beats every other check passing', () => {
    const out = verifyEvidence(goodInput({ officerDecision: 'reject' }));
    expect(out.checks.filter((c) => !c.passed).map((c) => c.check)).toEqual(['officerSignOff']);
    expect(out.score).toBeGreaterThan(RULES.thresholds.rejectBelow);
    expect(out.status).toBe('rejected');
  });

  it('sends a photo without EXIF to an officer even though the score is high', () => {
    const out = verifyEvidence(goodInput({ photo: bareCameraPhoto() }));
    expect(out.score).toBeGreaterThanOrEqual(RULES.thresholds.verifyAt);
    expect(out.status).toBe('needs_review');
    expect(out.reasons[0]).toMatch(/no camera details/);
  });

  it('sends a near-duplicate photo to an officer', () => {
    const out = verifyEvidence(goodInput({ photo: photoAt({ nearestHashDistance: 6 }) }));
    expect(out.status).toBe('needs_review');
    expect(out.reasons).toEqual([expect.stringMatching(/looks very like one already sent/)]);
  });

  it('lets an officer approval settle doubts but not outright failures', () => {
    const doubtful = goodInput({ photo: bareCameraPhoto(5), officerDecision: 'approve' });
    expect(verifyEvidence(doubtful).status).toBe('verified');
    const outside = goodInput({ checkin: checkinNorth(900), officerDecision: 'approve' });
    expect(verifyEvidence(outside).status).toBe('rejected');
  });

  it('waits for an officer when the quest needs sign-off, and verifies after approval', () => {
    const pending = verifyEvidence(goodInput({ quest: quest({ officerSignOff: true }) }));
    expect(pending.status).toBe('needs_review');
    expect(pending.reasons).toEqual([expect.stringMatching(/needs an officer to sign it off/)]);
    const approved = verifyEvidence(
      goodInput({ quest: quest({ officerSignOff: true }), officerDecision: 'approve' }),
    );
    expect(approved.status).toBe('verified');
  });

  it('waits for attestations, then verifies when enough residents vouched', () => {
    const asked = quest({ checkin: true, photo: false, attestations: 2 });
    expect(verifyEvidence(goodInput({ quest: asked, attestations: 1 })).status).toBe(
      'needs_review',
    );
    expect(verifyEvidence(goodInput({ quest: asked, attestations: 2 })).status).toBe('verified');
  });

  it('rejects a low score with every doubt listed, and reviews a middling one', () => {
    const low = verifyEvidence(
      goodInput({
        quest: quest({ checkin: false, photo: true }),
        checkin: null,
        photo: photoAt({
          takenAt: new Date(STARTS.getTime() - 30 * 24 * HOUR),
          ...north(5000),
          nearestHashDistance: 8,
        }),
      }),
    );
    // time 1×2 + exif 0×2 + duplicate 0.25×2 over 6
    expect(low.score).toBeCloseTo(0.417, 3);
    expect(low.status).toBe('rejected');
    expect(low.reasons).toHaveLength(3);
    expect(low.reasons[2]).toMatch(/scored 42%; we cannot accept evidence under 50%/);
  });

  it('reviews evidence whose checks all passed but whose score is between the thresholds', () => {
    const strict: VerificationRules = ZVerificationRules.parse({
      ...RULES,
      thresholds: { verifyAt: 0.95, rejectBelow: 0.5 },
    });
    const vague = goodInput({ checkin: checkinNorth(10, 150) });
    const out = verifyEvidence(vague, strict);
    expect(out.checks.every((c) => c.passed)).toBe(true);
    expect(out.score).toBeLessThan(0.95);
    expect(out.status).toBe('needs_review');
    expect(out.reasons[0]).toMatch(/we accept automatically from 95%/);
    expect(verifyEvidence(vague).status).toBe('verified');
  });

  it('weights come from the rules, not the code', () => {
    const input = goodInput({ photo: bareCameraPhoto() });
    const photoHeavy = ZVerificationRules.parse({
      ...RULES,
      weights: { ...RULES.weights, photoExif: 10 },
    });
    expect(verifyEvidence(input, photoHeavy).score).toBeLessThan(verifyEvidence(input).score);
  });
});
