/**
 * The checks on what people add: the resident's note, neighbours vouching, and an
 * officer's decision.
 */
import type { VerificationRules } from '../../schemas/verification';
import { evaluation, type CheckEvaluation, type VerificationInput } from './model';
import { plural } from './words';

export function textCheck(text: string | null, rules: VerificationRules['text']): CheckEvaluation {
  const length = text?.trim().length ?? 0;
  if (length === 0) {
    return evaluation('text', 'reject', 0, 'You did not write a note, and this quest needs one.');
  }
  if (length < rules.minChars) {
    return evaluation(
      'text',
      'reject',
      0,
      `Your note is too short: write at least ${plural(rules.minChars, 'character', 'characters')}.`,
    );
  }
  return evaluation('text', 'pass', 1, 'You wrote a note.');
}

/**
 * `received` is the vouches' summed weight (rules/reputation): a whole number reads as
 * residents, a fraction says it is a weight so the score can be checked by hand.
 */
export function attestationsCheck(received: number, needed: number): CheckEvaluation {
  if (!Number.isInteger(received)) {
    const weighs = `Vouches so far weigh ${received.toFixed(2)} of the ${needed} needed (each resident's vouch weighs by their track record).`;
    return received >= needed
      ? evaluation('attestations', 'pass', 1, weighs)
      : evaluation(
          'attestations',
          'doubt',
          needed > 0 ? received / needed : 0,
          `${weighs} Ask a neighbour who saw it to vouch.`,
        );
  }
  if (received >= needed) {
    return evaluation(
      'attestations',
      'pass',
      1,
      `${plural(received, 'resident has', 'residents have')} vouched for this (${needed} needed).`,
    );
  }
  return evaluation(
    'attestations',
    'doubt',
    needed > 0 ? received / needed : 0,
    `${plural(received, 'resident has', 'residents have')} vouched for this so far; it needs ${needed}. Ask a neighbour who saw it to vouch.`,
  );
}

export function officerSignOffCheck(
  decision: VerificationInput['officerDecision'],
): CheckEvaluation {
  if (decision === 'approve') {
    return evaluation('officerSignOff', 'pass', 1, 'An officer looked at this and approved it.');
  }
  if (decision === 'reject') {
    return evaluation(
      'officerSignOff',
      'reject',
      0,
      'An officer looked at this and did not accept it.',
    );
  }
  return evaluation(
    'officerSignOff',
    'doubt',
    0.5,
    'This quest needs an officer to sign it off; your evidence is waiting for them.',
  );
}
