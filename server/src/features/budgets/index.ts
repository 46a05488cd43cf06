import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import type { QuestsService } from '../quests/service';
import { budgetsRoutes } from './routes';
import { createBudgetsService } from './service';

export function budgetsFeature(
  infra: Infra,
  below: {
    areas: AreasService;
    audit: AuditService;
    accounts: AccountsService;
    quests: QuestsService;
  },
) {
  const budgets = createBudgetsService(infra, below);
  return feature('budgets', budgets, {
    routes: budgetsRoutes(budgets, below.areas),
    jobs: budgets.jobs,
  });
}
