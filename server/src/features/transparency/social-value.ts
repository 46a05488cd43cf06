/**
 * Social value proxies (Social Value Act reporting): £ per verified completion for each
 * superpower. These are illustrative figures, kept as data and validated, not measured
 * outcomes: a council should replace them with values from its own social value framework
 * (for example the National TOMs or a social value bank) before quoting them.
 */
import {
  SOCIAL_VALUE_PARTS,
  ZSocialValueProxies,
  type SocialValuePart,
  type SocialValueProxies,
  type SocialValueShares,
  type SocialValueSplit,
  type Superpower,
} from '@govcraft/shared';

export const SOCIAL_VALUE_LABEL =
  'Estimated social value: proxy values in pounds, not measured outcomes';

export const SOCIAL_VALUE_METHOD =
  "Estimate only. Each verified completion is counted once, under its quest's main (first) superpower, and multiplied by that superpower's proxy value. The proxies are illustrative GovCraft figures based on volunteer hours valued near the National Living Wage; replace them with your council's own social value framework before quoting them.";

export const DEFAULT_SOCIAL_VALUE_PROXIES: SocialValueProxies = ZSocialValueProxies.parse({
  urgent_optimism: {
    gbpPerCompletion: 25,
    basis:
      'A quick fix to a reported problem (litter, graffiti, a blocked path): about 2 volunteer hours.',
  },
  social_fabric: {
    gbpPerCompletion: 45,
    basis:
      'Helping or meeting neighbours (visits, meals, befriending): about 3 volunteer hours, a low stand-in for the wellbeing it brings.',
  },
  blissful_productivity: {
    gbpPerCompletion: 35,
    basis:
      'Practical improvement work (repairs, planting, clearing): about 2.5 volunteer hours, counted low against what a contractor would charge.',
  },
  epic_meaning: {
    gbpPerCompletion: 20,
    basis:
      'A contribution to a shared area goal (surveys, campaigns, events): about 1.5 volunteer hours.',
  },
});

/**
 * How each superpower's proxy value divides between economic, social and environmental
 * value, after the three strands of the Social Value Act's measurement frameworks. The
 * shares are illustrative judgements kept as data (each row sums to 1), not measurements.
 */
export const SOCIAL_VALUE_SHARES: Record<Superpower, SocialValueShares> = {
  // Litter, graffiti, blocked paths: mostly a cleaner place, some saved clean-up cost.
  urgent_optimism: { economic: 0.3, social: 0.2, environmental: 0.5 },
  // Visits, meals, befriending: almost all wellbeing and connection.
  social_fabric: { economic: 0.2, social: 0.8, environmental: 0 },
  // Repairs, planting, clearing: avoided contractor cost and greener places.
  blissful_productivity: { economic: 0.5, social: 0.2, environmental: 0.3 },
  // Surveys, campaigns, events: mostly civic and social.
  epic_meaning: { economic: 0.2, social: 0.6, environmental: 0.2 },
};

const PART_MEANINGS: Record<SocialValuePart, string> = {
  economic: 'Work the council or residents would otherwise pay for, and local spending it brings.',
  social: 'Wellbeing, connection and civic participation of residents.',
  environmental: 'Cleaner, greener and better-kept public places.',
};

export const SOCIAL_VALUE_SPLIT_METHOD =
  "Each superpower's estimated value is divided between economic, social and environmental parts by the published shares, then summed per part. The parts add up to the total estimate.";

export const SOCIAL_VALUE_CAVEATS = [
  'These are proxy values, not measured outcomes: they count verified completions, not the change they made.',
  'The shares are illustrative judgements; a council should replace them, and the proxies, with its own social value framework (for example the National TOMs) before quoting them.',
  'Parts are not additive with other social value reports: the same work may be counted there too.',
  'Time credits and ratings are shown beside the estimate, not converted into pounds.',
];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Splits the estimate's lines into the three parts by the published shares. */
export function splitSocialValue(
  lines: readonly { superpower: Superpower; valueGbp: number }[],
  shares: Record<Superpower, SocialValueShares> = SOCIAL_VALUE_SHARES,
): SocialValueSplit {
  return {
    isEstimate: true,
    parts: SOCIAL_VALUE_PARTS.map((part) => ({
      part,
      valueGbp: round2(lines.reduce((sum, l) => sum + l.valueGbp * shares[l.superpower][part], 0)),
      meaning: PART_MEANINGS[part],
    })),
    sharesBySuperpower: shares,
    method: SOCIAL_VALUE_SPLIT_METHOD,
    caveats: SOCIAL_VALUE_CAVEATS,
  };
}
