import { describe, expect, it } from 'vitest';
import { ZRulesResponse, ZVerificationRules } from '../../schemas/verification';
import { describeVerificationRules } from './explain';
import { DEFAULT_VERIFICATION_RULES as RULES } from './model';

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
    // The route adds the other published rule sets; this checks the verification part.
    const described = ZRulesResponse.pick({
      summary: true,
      scoring: true,
      thresholds: true,
      checks: true,
      rules: true,
    }).parse(describeVerificationRules());
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
