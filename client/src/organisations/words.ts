/** How pitches and money read on the page. */
import type { OrganisationKind, Pitch, PitchStatus } from '@govcraft/shared';

const GBP = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

/** Whole pence as pounds: 240000 → "£2,400.00". */
export const penceText = (pence: number) => GBP.format(pence / 100);

/** Pounds typed in a form ("12.50", "£1,200") → whole pence, or null when not a sum. */
export function poundsToPence(text: string): number | null {
  const clean = text.replace(/[£,\s]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

export const STATUS_WORDS: Record<PitchStatus, string> = {
  draft: 'Draft',
  submitted: 'Waiting for a decision',
  approved: 'Approved – running',
  completed: 'Completed – outcome evidenced',
  failed: 'Failed',
  declined: 'Declined',
};

export const KIND_WORDS: Record<OrganisationKind, string> = {
  friends_group: 'Friends group',
  mutual: 'Mutual',
  social_enterprise: 'Social enterprise',
  school: 'School',
  charity: 'Charity',
  other: 'Community group',
};

/** "£800.00 of £2,400.00 released" */
export const releasedText = (p: Pitch) =>
  `${penceText(p.releasedPence)} of ${penceText(p.budgetPence)} released`;
