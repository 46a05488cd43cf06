import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import { feature } from '../module';
import { creditsRoutes } from './routes';
import { createCreditsService } from './service';

/** Credits listen to progress: `xp.awarded` issues credits, `xp.reversed` takes them back. */
export function creditsFeature(infra: Infra, below: { areas: AreasService }) {
  const credits = createCreditsService(infra, below);
  return feature('credits', credits, {
    routes: creditsRoutes(credits, below.areas),
    listeners: {
      'xp.awarded': async (facts) => {
        await credits.issueForAwards(facts);
      },
      'xp.reversed': async (facts) => {
        await credits.reverseForReversals(facts);
      },
    },
  });
}
