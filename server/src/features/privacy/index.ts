import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { EvidenceService } from '../evidence/service';
import { feature } from '../module';
import type { NotFixedService } from '../not-fixed/service';
import type { TeamsService } from '../teams/service';
import { privacyRoutes } from './routes';
import { createPrivacyService } from './service';

export function privacyFeature(
  infra: Infra,
  below: {
    accounts: AccountsService;
    teams: TeamsService;
    evidence: EvidenceService;
    notFixed: NotFixedService;
  },
) {
  const privacy = createPrivacyService(infra, below);
  return feature('privacy', privacy, { routes: privacyRoutes(privacy) });
}
