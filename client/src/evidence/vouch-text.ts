/** Pure helpers for vouching: reading a pasted evidence code and saying how far it got. */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The evidence code a neighbour shared, from whatever they pasted: the bare code, the code
 * with spaces or quotes around it, or a whole message containing it. null when none found.
 */
export function parseEvidenceCode(text: string): string | null {
  const m = UUID.exec(text);
  return m ? m[0].toLowerCase() : null;
}

/** "1 of 2 neighbours have vouched" style progress for the vouch form's live region. */
export function vouchProgressText(attestations: number, needed: number): string {
  if (needed <= 0 || attestations >= needed)
    return 'Thank you for vouching. That is everything this evidence needed from neighbours.';
  const left = needed - attestations;
  return `Thank you for vouching. ${attestations} of ${needed} neighbours have vouched; ${left} more ${left === 1 ? 'is' : 'are'} needed.`;
}
