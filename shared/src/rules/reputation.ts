/**
 * Reputation: how much a resident's vouch (attestation) or "not fixed" report weighs, from
 * how often their earlier ones agreed with the final outcome. The rule is a smoothed
 * agreement rate scaled to `maxWeight`: (agreed + priorAgreed) / (decided + prior) ×
 * maxWeight, never below `minWeight`. With the published numbers someone new weighs 1, a
 * resident whose vouches keep holding up approaches 2, one whose vouches keep failing
 * drops towards the floor. The numbers are data, published by GET /api/rules.
 */
import { ZReputationRules, type ReputationRules } from '../schemas/reopen';

export const DEFAULT_REPUTATION_RULES: ReputationRules = ZReputationRules.parse({
  priorAgreed: 1,
  priorDisagreed: 1,
  maxWeight: 2,
  minWeight: 0.25,
});

/** A resident's decided record: vouches and reports whose outcome is known. */
export interface TrackRecord {
  /** Vouched for evidence that was verified; reported a quest that was then reopened. */
  agreed: number;
  /** Vouched for evidence that was rejected; a report that failed its checks. */
  disagreed: number;
}

export const NO_RECORD: TrackRecord = { agreed: 0, disagreed: 0 };

/** The weight of one vouch or report, rounded to 2 places so it reads as it counts. */
export function reputationWeight(
  record: TrackRecord,
  rules: ReputationRules = DEFAULT_REPUTATION_RULES,
): number {
  const agreed = Math.max(0, record.agreed);
  const disagreed = Math.max(0, record.disagreed);
  const rate =
    (agreed + rules.priorAgreed) / (agreed + disagreed + rules.priorAgreed + rules.priorDisagreed);
  const weight = Math.max(rules.minWeight, rate * rules.maxWeight);
  return Math.round(weight * 100) / 100;
}

/** The summed weight of several people, rounded like each weight. */
export function summedWeight(weights: readonly number[]): number {
  return Math.round(weights.reduce((sum, w) => sum + w, 0) * 100) / 100;
}
