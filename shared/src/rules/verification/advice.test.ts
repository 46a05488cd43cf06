import { describe, expect, it } from 'vitest';
import { checkinAdvice, photoAdvice } from './advice';
import { geofenceCheck } from './checkin';
import { DEFAULT_VERIFICATION_RULES as RULES } from './model';
import {
  bareCameraPhoto,
  checkinNorth,
  north,
  photoAt,
  quest,
  RECEIVED,
  STARTS,
} from './test-fixtures';

describe('check-in advice before sending', () => {
  it('holds back a check-in the verifier would reject, naming the distance and how much closer', () => {
    const a = checkinAdvice(quest(), { ...north(180), accuracyM: 8 });
    expect(a.canSend).toBe(false);
    expect(a.allowedM).toBe(58);
    expect(a.text).toMatch(/^You are 180 m from the spot \(allowed 58 m: the 50 m circle plus 8 m/);
    expect(a.text).toMatch(/Move at least 12[23] m closer/);
  });

  it('agrees with the verifier on every distance: one rule, one figure', () => {
    for (const metres of [0, 40, 57, 58, 59, 99, 100, 101, 400]) {
      for (const accuracyM of [0, 8, 49, 50, 120]) {
        const advice = checkinAdvice(quest(), { ...north(metres), accuracyM });
        const verdict = geofenceCheck(quest(), checkinNorth(metres, accuracyM), RULES.geofence);
        expect(advice.canSend, `${metres} m at ±${accuracyM} m`).toBe(verdict.verdict !== 'reject');
      }
    }
  });

  it('lets a vague fix inside the circle through, with a tip', () => {
    const a = checkinAdvice(quest(), { ...north(10), accuracyM: 150 });
    expect(a.canSend).toBe(true);
    expect(a.text).toMatch(/within 150 m: stepping outside/);
  });
});

describe('photo advice before sending', () => {
  it('says a photo without camera details goes to an officer, and how long that takes', () => {
    const a = photoAdvice(quest(), bareCameraPhoto(), RECEIVED);
    expect(a.level).toBe('review');
    expect(a.text).toMatch(/an officer will take a look/);
    expect(a.text).toMatch(/usually within two working days/);
  });

  it('warns that a photo taken long before the quest opened will fail', () => {
    const a = photoAdvice(
      quest(),
      photoAt({ takenAt: new Date(STARTS.getTime() - 3 * 86_400_000) }),
      RECEIVED,
    );
    expect(a.level).toBe('fail');
    expect(a.text).toMatch(/before the quest opened\..*Take a new photo at the spot/);
  });

  it('is quiet about a photo taken at the spot while the quest was open', () => {
    expect(photoAdvice(quest(), photoAt(), RECEIVED).level).toBe('ok');
  });
});
