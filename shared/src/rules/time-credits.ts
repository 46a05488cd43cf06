/**
 * Time credits, after Tempo: an hour given earns one credit. A verified completion pays the
 * quest's stated effort (in minutes) rounded to whole hours, at least one credit and never
 * more than the cap, so a mis-typed effort cannot mint a fortune. Credits are taken back
 * when the XP for the same completion is reversed (only what is still unspent: a balance
 * never goes negative). Published in GET /api/rules; the server pays by this function.
 */
export const TIME_CREDIT_RULES = {
  /** Minutes of stated effort that earn one credit. */
  minutesPerCredit: 60,
  /** Every verified completion earns at least this much. */
  minCreditsPerCompletion: 1,
  /** No single completion earns more than this. */
  maxCreditsPerCompletion: 8,
  /** Effort assumed for a quest that states none. */
  defaultEffortMinutes: 60,
} as const;
export type TimeCreditRules = typeof TIME_CREDIT_RULES;

/** Credits one verified completion of a quest with `effortMinutes` of effort earns. */
export function creditsForEffort(
  effortMinutes: number,
  rules: TimeCreditRules = TIME_CREDIT_RULES,
): number {
  const hours = Math.round(Math.max(0, effortMinutes) / rules.minutesPerCredit);
  return Math.min(rules.maxCreditsPerCompletion, Math.max(rules.minCreditsPerCompletion, hours));
}

/** The published explanation of the rule, generated from the same numbers. */
export function describeTimeCredits(rules: TimeCreditRules = TIME_CREDIT_RULES): string {
  return (
    `Each verified completion earns one time credit per ${rules.minutesPerCredit} minutes of the ` +
    `quest's stated effort, rounded to the nearest whole credit, at least ` +
    `${rules.minCreditsPerCompletion} and at most ${rules.maxCreditsPerCompletion}. Quests that state ` +
    `no effort count as ${rules.defaultEffortMinutes} minutes. Credits are spent with local ` +
    'partners for a one-time code; if the XP for a completion is reversed, the credits it ' +
    'earned are taken back as far as they are unspent. Every movement is a pair of entries ' +
    'in an append-only ledger, and a balance can never go below zero.'
  );
}
