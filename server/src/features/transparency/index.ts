import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { BudgetsService } from '../budgets/service';
import type { CreditsService } from '../credits/service';
import type { OrganisationsService } from '../organisations/service';
import type { RatingsService } from '../ratings/service';
import { feature } from '../module';
import { transparencyRoutes } from './routes';
import { createTransparencyService } from './service';

export function transparencyFeature(
  infra: Infra,
  below: {
    areas: AreasService;
    audit: AuditService;
    credits: CreditsService;
    ratings: RatingsService;
    budgets: BudgetsService;
    organisations: OrganisationsService;
  },
) {
  const transparency = createTransparencyService(infra, {
    areas: below.areas,
    credits: below.credits,
    ratings: below.ratings,
    budgets: below.budgets,
    organisations: below.organisations,
  });
  return feature('transparency', transparency, {
    routes: transparencyRoutes(transparency, below.areas, below.audit),
  });
}
