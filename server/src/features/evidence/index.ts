import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { feature } from '../module';
import type { ProgressService } from '../progress/service';
import type { QuestsService } from '../quests/service';
import type { TeamsService } from '../teams/service';
import { evidenceRoutes } from './routes';
import { createEvidenceService } from './service';

/**
 * Evidence pays through progress (the ledger) inside its decision's transaction; after the
 * commit progress publishes `xp.awarded` and evidence publishes `evidence.decided`.
 */
export function evidenceFeature(
  infra: Infra,
  below: {
    quests: QuestsService;
    teams: TeamsService;
    progress: ProgressService;
    audit: AuditService;
    accounts: AccountsService;
    areas: AreasService;
  },
) {
  const evidence = createEvidenceService(infra, {
    quests: below.quests,
    teamOf: below.teams.teamOf,
    progress: below.progress,
    audit: below.audit,
    authorise: below.accounts.authorise,
    requireVerifiedEmail: below.accounts.requireVerifiedEmail,
  });
  return feature('evidence', evidence, {
    routes: evidenceRoutes(evidence, below.areas),
    jobs: evidence.jobs,
  });
}
