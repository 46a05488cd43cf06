import { describe, expect, it } from 'vitest';
import {
  ZRulesResponse,
  ZVerificationRules,
  type VerificationRules,
} from '../schemas/verification';
import { ZEvidenceRules } from '../schemas/quests';
import {
  attestationsCheck,
  DEFAULT_VERIFICATION_RULES as RULES,
  describeVerificationRules,
  duplicatePhotoCheck,
  geofenceCheck,
  officerSignOffCheck,
  photoExifCheck,
  textCheck,
  timeWindowCheck,
  travelCheck,
  verifyEvidence,
  wordsForDistance,
  wordsForDuration,
  type VerificationInput,
} from './verification';

const HOUR = 3600_000;
const STARTS = new Date('2026-11-01T09:00:00Z');
const ENDS = new Date('2026-11-30T17:00:00Z');
const RECEIVED = new Date('2026-11-20T12:00:00Z');
// Oakfield underpass; 0.001° of latitude is about 111 m.
const SPOT = { lat: 52.627305, lng: -1.14 };
const north = (metres: number) => ({ lat: SPOT.lat + metres / 111_195, lng: SPOT.lng });

const quest = (rules: Partial<VerificationInput['quest']['rules']> = {}) => ({
  ...SPOT,
  radiusM: 50,
  startsAt: STARTS,
  endsAt: ENDS,
  rules: ZEvidenceRules.parse({ checkin: true, photo: true, ...rules }),
});

const goodInput = (over: Partial<VerificationInput> = {}): VerificationInput => ({
  quest: quest(),
  receivedAt: RECEIVED,
  checkin: { ...north(12), accuracyM: 8, deviceTime: new Date(RECEIVED.getTime() - 20_000) },
  photo: {
    takenAt: new Date(RECEIVED.getTime() - 5 * 60_000),
    ...north(20),
    hasExif: true,
    nearestHashDistance: 30,
  },
  text: null,
  previousCheckin: null,
  attestations: 0,
  officerDecision: null,
  ...over,
});

describe('plain-words formatting', () => {
  it('writes distances and durations as people say them', () => {
    expect(wordsForDistance(12.4)).toBe('12 m');
    expect(wordsForDistance(3421)).toBe('3.4 km');
    expect(wordsForDistance(25_600)).toBe('26 km');
    expect(wordsForDuration(40_000)).toBe('40 s');
    expect(wordsForDuration(-3 * 60_000)).toBe('3 min');
    expect(wordsForDuration(5 * HOUR)).toBe('5 h');
    expect(wordsForDuration(72 * HOUR)).toBe('3 days');
  });
});

describe('geofence check', () => {
  it('passes inside the radius and says how far and how much was allowed', () => {
    const r = geofenceCheck(
      quest(),
      { ...north(12), accuracyM: 10, deviceTime: RECEIVED },
      RULES.geofence,
    );
    expect(r.verdict).toBe('pass');
    expect(r.score).toBe(1);
    expect(r.detail).toBe('You checked in 12 m from the spot (allowed 60 m).');
  });

  it('allows the reported accuracy only up to the cap', () => {
    const vague = { ...north(120), accuracyM: 500, deviceTime: RECEIVED };
    const r = geofenceCheck(quest(), vague, RULES.geofence);
    expect(r.verdict).toBe('reject');
    expect(r.detail).toBe('You checked in 120 m from the spot (allowed 100 m).');
  });

  it('counts a vague fix inside the circle for less', () => {
    const r = geofenceCheck(
      quest(),
      { ...north(30), accuracyM: 150, deviceTime: RECEIVED },
      RULES.geofence,
    );
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
  const checkin = (deviceTime: Date) => ({ ...SPOT, accuracyM: 5, deviceTime });

  it('passes inside the window with an honest phone clock', () => {
    const r = timeWindowCheck(quest(), RECEIVED, checkin(RECEIVED), RULES.timeWindow);
    expect(r.verdict).toBe('pass');
  });

  it('rejects before the start and after the end, saying by how much', () => {
    const early = timeWindowCheck(
      quest(),
      new Date(STARTS.getTime() - 2 * HOUR),
      null,
      RULES.timeWindow,
    );
    expect(early.verdict).toBe('reject');
    expect(early.detail).toBe('You sent this 2 h before the quest opened.');
    const late = timeWindowCheck(
      quest(),
      new Date(ENDS.getTime() + 3 * 24 * HOUR),
      null,
      RULES.timeWindow,
    );
    expect(late.verdict).toBe('reject');
    expect(late.detail).toBe('You sent this 3 days after the quest closed.');
  });

  it('doubts a phone clock far from the server clock', () => {
    const r = timeWindowCheck(
      quest(),
      RECEIVED,
      checkin(new Date(RECEIVED.getTime() - 2 * HOUR)),
      RULES.timeWindow,
    );
    expect(r.verdict).toBe('doubt');
    expect(r.detail).toMatch(/clock was 2 h behind ours/);
  });
});

describe('photo EXIF check', () => {
  const photo = (over: Partial<NonNullable<VerificationInput['photo']>> = {}) => ({
    takenAt: RECEIVED,
    ...SPOT,
    hasExif: true,
    nearestHashDistance: null,
    ...over,
  });

  it('passes a photo taken in the window near the spot', () => {
    const r = photoExifCheck(quest(), RECEIVED, photo(), RULES.photoExif);
    expect(r.verdict).toBe('pass');
    expect(r.score).toBe(1);
    expect(r.detail).toMatch(/taken while the quest was open.*0 m from the spot/);
  });

  it('fails a photo taken long before the quest opened', () => {
    const r = photoExifCheck(
      quest(),
      RECEIVED,
      photo({ takenAt: new Date(STARTS.getTime() - 12 * 24 * HOUR) }),
      RULES.photoExif,
    );
    expect(r.verdict).toBe('fail');
    expect(r.score).toBe(0.5);
    expect(r.detail).toMatch(/taken 12 days before the quest opened/);
  });

  it('allows the time-zone slack around the window', () => {
    const r = photoExifCheck(
      quest(),
      RECEIVED,
      photo({ takenAt: new Date(STARTS.getTime() - 10 * HOUR) }),
      RULES.photoExif,
    );
    expect(r.verdict).toBe('pass');
  });

  it('fails a photo taken far from the spot', () => {
    const r = photoExifCheck(quest(), RECEIVED, photo(north(3400)), RULES.photoExif);
    expect(r.verdict).toBe('fail');
    expect(r.detail).toMatch(/taken 3.4 km from the spot \(allowed 250 m\)/);
  });

  it('doubts a photo without camera details', () => {
    const r = photoExifCheck(
      quest(),
      RECEIVED,
      photo({ hasExif: false, takenAt: null, lat: null, lng: null }),
      RULES.photoExif,
    );
    expect(r.verdict).toBe('doubt');
    expect(r.score).toBe(RULES.photoExif.missingExifScore);
  });

  it('rejects a missing photo', () => {
    expect(photoExifCheck(quest(), RECEIVED, null, RULES.photoExif).verdict).toBe('reject');
  });
});

describe('duplicate photo check', () => {
  it('rejects the same photo, doubts a very similar one, passes a new one', () => {
    expect(duplicatePhotoCheck(0, RULES.duplicatePhoto).verdict).toBe('reject');
    expect(
      duplicatePhotoCheck(RULES.duplicatePhoto.sameMaxDistance, RULES.duplicatePhoto).verdict,
    ).toBe('reject');
    expect(
      duplicatePhotoCheck(RULES.duplicatePhoto.similarMaxDistance, RULES.duplicatePhoto).verdict,
    ).toBe('doubt');
    expect(
      duplicatePhotoCheck(RULES.duplicatePhoto.similarMaxDistance + 1, RULES.duplicatePhoto)
        .verdict,
    ).toBe('pass');
    expect(duplicatePhotoCheck(null, RULES.duplicatePhoto).verdict).toBe('pass');
  });
});

describe('travel check', () => {
  const here = { ...SPOT, accuracyM: 5, deviceTime: RECEIVED };

  it('passes a first check-in and a believable journey', () => {
    expect(travelCheck(here, RECEIVED, null, RULES.travel).detail).toBe(
      'This is your first check-in.',
    );
    const walk = travelCheck(
      here,
      RECEIVED,
      { ...north(2000), at: new Date(RECEIVED.getTime() - 40 * 60_000) },
      RULES.travel,
    );
    expect(walk.verdict).toBe('pass');
    expect(walk.detail).toMatch(/2.0 km from your last check-in 40 min before/);
  });

  it('rejects a move faster than anyone can travel', () => {
    const r = travelCheck(
      here,
      RECEIVED,
      { ...north(8200), at: new Date(RECEIVED.getTime() - 3 * 60_000) },
      RULES.travel,
    );
    expect(r.verdict).toBe('reject');
    expect(r.detail).toMatch(/8.2 km from your last check-in 3 min before: that is 164 km\/h/);
  });

  it('ignores GPS jitter even when the check-ins are a second apart', () => {
    const r = travelCheck(here, RECEIVED, { ...north(300), at: RECEIVED }, RULES.travel);
    expect(r.verdict).toBe('pass');
  });
});

describe('text, attestation and officer checks', () => {
  it('needs a note of the minimum length', () => {
    expect(textCheck('Cleared the path', RULES.text).verdict).toBe('pass');
    expect(textCheck('  ', RULES.text).detail).toMatch(/did not write a note/);
    expect(textCheck('ok', RULES.text).verdict).toBe('reject');
  });

  it('waits for enough residents to vouch', () => {
    const short = attestationsCheck(1, 2);
    expect(short.verdict).toBe('doubt');
    expect(short.score).toBe(0.5);
    expect(short.detail).toMatch(/^1 resident has vouched for this so far; it needs 2/);
    expect(attestationsCheck(2, 2).verdict).toBe('pass');
  });

  it("follows the officer's decision and waits without one", () => {
    expect(officerSignOffCheck('approve').verdict).toBe('pass');
    expect(officerSignOffCheck('reject').verdict).toBe('reject');
    expect(officerSignOffCheck(null).verdict).toBe('doubt');
  });
});

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
    [
      'outside the geofence',
      { checkin: { ...north(400), accuracyM: 5, deviceTime: RECEIVED } },
      'geofence',
    ],
    ['after the quest closed', { receivedAt: new Date(ENDS.getTime() + HOUR) }, 'timeWindow'],
    [
      'the same photo',
      { photo: { takenAt: RECEIVED, ...SPOT, hasExif: true, nearestHashDistance: 0 } },
      'duplicatePhoto',
    ],
    [
      'impossible travel',
      { previousCheckin: { ...north(30_000), at: new Date(RECEIVED.getTime() - 60_000) } },
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
    const out = verifyEvidence(
      goodInput({
        photo: { takenAt: null, lat: null, lng: null, hasExif: false, nearestHashDistance: null },
      }),
    );
    expect(out.score).toBeGreaterThanOrEqual(RULES.thresholds.verifyAt);
    expect(out.status).toBe('needs_review');
    expect(out.reasons[0]).toMatch(/no camera details/);
  });

  it('sends a near-duplicate photo to an officer', () => {
    const out = verifyEvidence(
      goodInput({ photo: { takenAt: RECEIVED, ...SPOT, hasExif: true, nearestHashDistance: 6 } }),
    );
    expect(out.status).toBe('needs_review');
    expect(out.reasons).toEqual([expect.stringMatching(/looks very like one already sent/)]);
  });

  it('lets an officer approval settle doubts but not outright failures', () => {
    const doubtful = goodInput({
      photo: { takenAt: null, lat: null, lng: null, hasExif: false, nearestHashDistance: 5 },
      officerDecision: 'approve',
    });
    expect(verifyEvidence(doubtful).status).toBe('verified');
    const outside = goodInput({
      checkin: { ...north(900), accuracyM: 5, deviceTime: RECEIVED },
      officerDecision: 'approve',
    });
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
    const photoOnly = quest({ checkin: false, photo: true });
    const low = verifyEvidence(
      goodInput({
        quest: photoOnly,
        checkin: null,
        photo: {
          takenAt: new Date(STARTS.getTime() - 30 * 24 * HOUR),
          ...north(5000),
          hasExif: true,
          nearestHashDistance: 8,
        },
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
    const vague = goodInput({ checkin: { ...north(10), accuracyM: 150, deviceTime: RECEIVED } });
    const out = verifyEvidence(vague, strict);
    expect(out.checks.every((c) => c.passed)).toBe(true);
    expect(out.score).toBeLessThan(0.95);
    expect(out.status).toBe('needs_review');
    expect(out.reasons[0]).toMatch(/we accept automatically from 95%/);
    expect(verifyEvidence(vague).status).toBe('verified');
  });

  it('weights come from the rules, not the code', () => {
    const input = goodInput({
      photo: { takenAt: null, lat: null, lng: null, hasExif: false, nearestHashDistance: null },
    });
    const photoHeavy = ZVerificationRules.parse({
      ...RULES,
      weights: { ...RULES.weights, photoExif: 10 },
    });
    expect(verifyEvidence(input, photoHeavy).score).toBeLessThan(verifyEvidence(input).score);
  });
});

describe('rules as data', () => {
  it('refuses inconsistent thresholds, naming the field', () => {
    const bad = ZVerificationRules.safeParse({
      ...RULES,
      thresholds: { verifyAt: 0.4, rejectBelow: 0.6 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['thresholds', 'rejectBelow']);
  });

  it('describes every check with the numbers in force', () => {
    const described = ZRulesResponse.parse(describeVerificationRules());
    expect(described.checks.map((c) => c.check).sort()).toEqual(Object.keys(RULES.weights).sort());
    const geofence = described.checks.find((c) => c.check === 'geofence');
    expect(geofence?.description).toContain(`up to ${RULES.geofence.maxAccuracyAllowanceM} m`);
    const changed = describeVerificationRules({
      ...RULES,
      travel: { ...RULES.travel, maxSpeedKmh: 90 },
    });
    expect(changed.checks.find((c) => c.check === 'travel')?.description).toContain('90 km/h');
  });
});
