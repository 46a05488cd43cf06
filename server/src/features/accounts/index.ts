import type { Infra } from '../../context';
import type { RateLimits } from '../../http/rate-limit';
import type { MailService } from '../mail/service';
import { feature } from '../module';
import { progressRoutes } from '../progress/routes';
import type { ProgressService } from '../progress/service';
import { emailRoutes } from './email-routes';
import { accountsRoutes } from './routes';
import { createAccountsService } from './service';

export function accountsFeature(
  infra: Infra,
  below: { rateLimits: RateLimits; progress: ProgressService; mail: MailService },
) {
  const accounts = createAccountsService(infra, {
    rateLimits: below.rateLimits,
    progressSummary: below.progress.summaryFor,
    mail: below.mail,
  });
  // A public profile is a name (accounts) with progress (the ledger): mounted here, above both.
  const routes = [
    ...accountsRoutes(accounts),
    ...progressRoutes(below.progress, accounts),
    ...emailRoutes(accounts),
  ];
  return feature('accounts', accounts, { routes, jobs: accounts.emailJobs });
}
