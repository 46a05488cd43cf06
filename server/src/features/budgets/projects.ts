/**
 * Projects: residents of the area propose them with a cost during proposals; officers mark
 * each feasible or not, with a public reason, during feasibility.
 */
import type {
  BudgetFeasibilityRequest,
  BudgetPhase,
  ProposeBudgetProjectRequest,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AccountsService } from '../accounts/service';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { presentProject, roundOrThrow } from './model';
import * as repo from './repo';

export interface ProjectsDeps {
  areas: Pick<AreasService, 'contains'>;
  audit: Pick<AuditService, 'record'>;
  accounts: Pick<AccountsService, 'roleIn'>;
}

export function createProjects(infra: Pick<Infra, 'db'>, deps: ProjectsDeps) {
  function requirePhase(round: repo.RoundRow, phase: BudgetPhase, toDo: string) {
    if (round.phase !== phase) {
      throw new AppError('conflict', `projects can be ${toDo} only during ${phase}`);
    }
  }

  async function propose(userId: string, roundId: string, input: ProposeBudgetProjectRequest) {
    const round = await roundOrThrow(infra.db, roundId);
    if (!(await deps.accounts.roleIn(userId, round.areaId))) {
      throw forbidden('only residents of this area can propose projects; join the area first');
    }
    requirePhase(round, 'proposals', 'proposed');
    if (input.costPence > round.amountPence) {
      throw AppError.field('costPence', 'the cost is more than the whole budget of this round');
    }
    if (!(await deps.areas.contains(round.areaId, input.location))) {
      throw AppError.field('location', 'the spot is outside the area; choose a place inside it');
    }
    const row = await infra.db.transaction(async (tx) => {
      const project = await repo.insertProject(tx, {
        roundId,
        proposedBy: userId,
        title: input.title,
        description: input.description,
        costPence: input.costPence,
        lat: input.location.lat,
        lng: input.location.lng,
      });
      await deps.audit.record(tx, {
        areaId: round.areaId,
        actorId: userId,
        action: 'budget.propose',
        entityType: 'budget_project',
        entityId: project.id,
        after: { title: project.title, costPence: project.costPence },
      });
      return project;
    });
    return presentProject(row);
  }

  async function decideFeasibility(
    actorId: string,
    projectId: string,
    input: BudgetFeasibilityRequest,
  ) {
    const row = await infra.db.transaction(async (tx) => {
      const project = await repo.findProject(tx, projectId);
      if (!project) throw notFound('project');
      const round = await roundOrThrow(tx, project.roundId, true);
      requirePhase(round, 'feasibility', 'reviewed');
      const after = await repo.updateProject(tx, projectId, {
        feasible: input.feasible,
        feasibilityReason: input.reason,
      });
      await deps.audit.record(tx, {
        areaId: round.areaId,
        actorId,
        action: 'budget.feasibility',
        entityType: 'budget_project',
        entityId: projectId,
        before: { feasible: project.feasible },
        after: { feasible: input.feasible, reason: input.reason },
      });
      return after;
    });
    return presentProject(row);
  }

  /** The area a project belongs to, for the officer guard. */
  async function areaIdOfProject(projectId: string) {
    const project = await repo.findProject(infra.db, projectId);
    if (!project) throw notFound('project');
    return (await roundOrThrow(infra.db, project.roundId)).areaId;
  }

  return { propose, decideFeasibility, areaIdOfProject };
}
