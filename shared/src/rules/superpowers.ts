import { SUPERPOWERS, type Superpower } from '../schemas/domain';

export interface SuperpowerInfo {
  id: Superpower;
  label: string;
  /** AA contrast on white (UX.md). */
  colour: string;
  shape: 'bolt' | 'rings' | 'check' | 'star';
  voice: string;
}

export const SUPERPOWER_INFO: Record<Superpower, SuperpowerInfo> = {
  urgent_optimism: {
    id: 'urgent_optimism',
    label: 'Urgent optimism',
    colour: '#B25E00',
    shape: 'bolt',
    voice: "Do it now — it's within reach.",
  },
  social_fabric: {
    id: 'social_fabric',
    label: 'Social fabric',
    colour: '#00736B',
    shape: 'rings',
    voice: 'Better together.',
  },
  blissful_productivity: {
    id: 'blissful_productivity',
    label: 'Blissful productivity',
    colour: '#6A3FB5',
    shape: 'check',
    voice: 'Good, satisfying work.',
  },
  epic_meaning: {
    id: 'epic_meaning',
    label: 'Epic meaning',
    colour: '#1D4F91',
    shape: 'star',
    voice: 'Part of something bigger.',
  },
};

/**
 * Splits a quest's XP across its superpower tags in tag order. Integer XP only; the
 * remainder goes to the first tags so the parts always add up to the whole reward.
 */
export function splitXpBySuperpower(
  xp: number,
  tags: readonly Superpower[],
): { superpower: Superpower; amount: number }[] {
  const unique = [...new Set(tags)].filter((t) => SUPERPOWERS.includes(t));
  if (unique.length === 0) throw new RangeError('a quest trains at least one superpower');
  const whole = Math.max(0, Math.floor(xp));
  const base = Math.floor(whole / unique.length);
  const remainder = whole - base * unique.length;
  return unique.map((superpower, i) => ({
    superpower,
    amount: base + (i < remainder ? 1 : 0),
  }));
}
