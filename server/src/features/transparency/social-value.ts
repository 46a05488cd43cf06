/**
 * Social value proxies (Social Value Act reporting): £ per verified completion for each
 * superpower. These are illustrative figures, kept as data and validated, not measured
 * outcomes: a council should replace them with values from its own social value framework
 * (for example the National TOMs or a social value bank) before quoting them.
 */
import { ZSocialValueProxies, type SocialValueProxies } from '@govcraft/shared';

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
