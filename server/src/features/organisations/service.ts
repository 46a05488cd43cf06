/**
 * Community organisations and their pitches, composed from rooms: `orgs` (create, join,
 * verify), `drafting` (members draft and submit; reading), `decisions` (officers approve,
 * ask for changes, decline) and `money` (milestone releases, failure at the deadline).
 * The money ledger is append-only; every officer decision writes its audit row in the
 * same transaction as the change.
 */
import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { QuestsService } from '../quests/service';
import { createDecisions } from './decisions';
import { createDrafting } from './drafting';
import { createPitchJobs } from './jobs';
import { createMoney } from './money';
import { createOrganisations } from './orgs';
import { moneyTotalsInArea } from './repo';

export interface OrganisationsServiceDeps {
  areas: Pick<AreasService, 'idOfSlug'>;
  accounts: Pick<AccountsService, 'roleIn' | 'authorise'>;
  audit: Pick<AuditService, 'record'>;
  quests: Pick<QuestsService, 'importQuest' | 'afterImport' | 'isInsideArea'>;
}

export function createOrganisationsService(infra: Infra, deps: OrganisationsServiceDeps) {
  const orgs = createOrganisations(infra, deps);
  const drafting = createDrafting(infra, { ...deps, authorise: deps.accounts.authorise });
  const money = createMoney(infra, deps);
  const jobs = createPitchJobs(money.failIfDue, money.failOverdue);
  const decisions = createDecisions(infra, { ...deps, jobs: () => jobs });
  return {
    organisations: orgs,
    pitches: {
      create: drafting.create,
      update: drafting.update,
      submit: drafting.submit,
      get: drafting.get,
      list: drafting.list,
      mine: drafting.mine,
      ledger: drafting.ledger,
      decide: decisions.decide,
      release: money.release,
      failIfDue: money.failIfDue,
    },
    /** Money allocated, released and cancelled in an area, in pence (ledger sums). */
    moneyInArea: (areaId: string) => moneyTotalsInArea(infra.db, areaId),
    jobs: [jobs.deadline, jobs.sweep],
  };
}
export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
