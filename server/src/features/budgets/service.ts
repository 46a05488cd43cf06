/**
 * Participatory budgets, composed from their rooms: `phases` (open, the clock's and the
 * officer's moves), `projects` (propose, feasibility), `ballots` (the cart) and `results`
 * (the published method, funded quests, open data). This file only wires the rooms.
 */
import type { Infra } from '../../context';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { QuestsService } from '../quests/service';
import { createBallots } from './ballots';
import { presentProject, presentRound, roundOrThrow } from './model';
import { createPhases } from './phases';
import { createProjects } from './projects';
import * as repo from './repo';
import { createResults } from './results';

export interface BudgetsDeps {
  areas: Pick<AreasService, 'idOfSlug' | 'byId' | 'contains'>;
  audit: Pick<AuditService, 'record'>;
  accounts: Pick<AccountsService, 'roleIn' | 'requireVerifiedEmail'>;
  quests: Pick<QuestsService, 'create'>;
}

export function createBudgetsService(infra: Infra, deps: BudgetsDeps) {
  const results = createResults(infra, deps);
  const phases = createPhases(infra, { ...deps, results });
  const projects = createProjects(infra, deps);
  const ballots = createBallots(infra, deps);

  async function list(slug: string) {
    const areaId = await deps.areas.idOfSlug(slug);
    return { items: (await repo.roundsOfArea(infra.db, areaId)).map(presentRound) };
  }

  async function view(roundId: string) {
    const round = await roundOrThrow(infra.db, roundId);
    const rows = await repo.projectsOfRound(infra.db, roundId);
    return { round: presentRound(round), projects: rows.map(presentProject) };
  }

  return {
    list,
    view,
    open: phases.open,
    advance: phases.advance,
    /** Moves a round through every phase whose end has passed (jobs, sweep, tests). */
    catchUp: phases.catchUp,
    propose: projects.propose,
    decideFeasibility: projects.decideFeasibility,
    areaIdOfProject: projects.areaIdOfProject,
    areaIdOfRound: async (roundId: string) => (await roundOrThrow(infra.db, roundId)).areaId,
    myBallot: ballots.mine,
    castBallot: ballots.cast,
    results: results.publicResults,
    /** Every ballot of a round as project-id lists, without voters: for audits, never routed. */
    anonymousBallots: (roundId: string) => repo.ballotsOfRound(infra.db, roundId),
    fundedPenceInArea: (areaId: string) => repo.fundedPenceInArea(infra.db, areaId),
    jobs: phases.jobs,
  };
}
export type BudgetsService = ReturnType<typeof createBudgetsService>;
