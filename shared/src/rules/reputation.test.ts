import { describe, expect, it } from 'vitest';
import { ZReputationRules } from '../schemas/reopen';
import { DEFAULT_REPUTATION_RULES, NO_RECORD, reputationWeight, summedWeight } from './reputation';

describe('reputationWeight', () => {
  it('gives someone with no decided record the prior rate times maxWeight (1 by default)', () => {
    const r = DEFAULT_REPUTATION_RULES;
    const expected = (r.priorAgreed / (r.priorAgreed + r.priorDisagreed)) * r.maxWeight;
    expect(reputationWeight(NO_RECORD)).toBe(expected);
    expect(reputationWeight(NO_RECORD)).toBe(1);
  });

  it('weighs a resident whose vouches held up more than someone new, approaching maxWeight', () => {
    const weights = [1, 2, 5, 20, 200].map((agreed) => reputationWeight({ agreed, disagreed: 0 }));
    expect(weights[0]).toBeGreaterThan(reputationWeight(NO_RECORD));
    for (let i = 1; i < weights.length; i += 1) expect(weights[i]).toBeGreaterThan(weights[i - 1]!);
    expect(weights.at(-1)).toBeLessThanOrEqual(DEFAULT_REPUTATION_RULES.maxWeight);
    expect(reputationWeight({ agreed: 2, disagreed: 0 })).toBe(1.5); // (2+1)/(2+2) × 2
  });

  it('weighs a resident whose vouches failed less, never under minWeight', () => {
    expect(reputationWeight({ agreed: 0, disagreed: 1 })).toBe(0.67); // 1/3 × 2
    expect(reputationWeight({ agreed: 0, disagreed: 100 })).toBe(
      DEFAULT_REPUTATION_RULES.minWeight,
    );
  });

  it('counts the rate, not the volume: half right is the same weight as someone new', () => {
    expect(reputationWeight({ agreed: 10, disagreed: 10 })).toBe(reputationWeight(NO_RECORD));
  });

  it('follows published numbers other than the defaults', () => {
    const strict = ZReputationRules.parse({
      priorAgreed: 1,
      priorDisagreed: 3,
      maxWeight: 2,
      minWeight: 0.1,
    });
    expect(reputationWeight(NO_RECORD, strict)).toBe(0.5);
    expect(reputationWeight({ agreed: 4, disagreed: 0 }, strict)).toBe(1.25);
  });

  it('ignores negative counts instead of weighing them', () => {
    expect(reputationWeight({ agreed: -5, disagreed: -5 })).toBe(reputationWeight(NO_RECORD));
  });

  it('refuses rules whose floor is above the ceiling', () => {
    expect(
      ZReputationRules.safeParse({ priorAgreed: 1, priorDisagreed: 1, maxWeight: 1, minWeight: 2 })
        .success,
    ).toBe(false);
  });

  it('sums weights to two places', () => {
    expect(summedWeight([1.33, 1.33, 0.67])).toBe(3.33);
    expect(summedWeight([])).toBe(0);
  });
});
