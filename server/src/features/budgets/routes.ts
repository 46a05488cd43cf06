import { budgetsContracts as api } from '@govcraft/shared';
import {
  areaOfSlug,
  defineRoute,
  PUBLIC,
  SIGNED_IN,
  userIdOf,
  type Access,
  type AnyRouteSpec,
} from '../../http/route';
import type { AreasService } from '../areas/service';
import type { BudgetsService } from './service';

export function budgetsRoutes(budgets: BudgetsService, areas: AreasService): AnyRouteSpec[] {
  const officerOfRound: Access<{ roundId: string }> = {
    kind: 'area',
    role: 'officer',
    areaOf: (p) => budgets.areaIdOfRound(p.roundId),
  };
  const officerOfProject: Access<{ projectId: string }> = {
    kind: 'area',
    role: 'officer',
    areaOf: (p) => budgets.areaIdOfProject(p.projectId),
  };
  /** Residents' membership and email are checked by the service, per round. */
  const residentWrite = { access: SIGNED_IN, rateLimit: 'write' } as const;
  return [
    defineRoute(api.listBudgetRounds, {
      access: PUBLIC,
      handler: ({ params }) => budgets.list(params.slug),
    }),
    defineRoute(api.openBudgetRound, {
      access: areaOfSlug(areas, 'officer'),
      rateLimit: 'write',
      handler: ({ actor, params, body }) => budgets.open(userIdOf(actor), params.slug, body),
    }),
    defineRoute(api.getBudgetRound, {
      access: PUBLIC,
      handler: ({ params }) => budgets.view(params.roundId),
    }),
    defineRoute(api.advanceBudgetRound, {
      access: officerOfRound,
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        budgets.advance(userIdOf(actor), params.roundId, body.from),
    }),
    defineRoute(api.proposeBudgetProject, {
      ...residentWrite,
      handler: ({ actor, params, body }) => budgets.propose(userIdOf(actor), params.roundId, body),
    }),
    defineRoute(api.decideBudgetFeasibility, {
      access: officerOfProject,
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        budgets.decideFeasibility(userIdOf(actor), params.projectId, body),
    }),
    defineRoute(api.getMyBallot, {
      access: SIGNED_IN,
      handler: ({ actor, params }) => budgets.myBallot(userIdOf(actor), params.roundId),
    }),
    defineRoute(api.castBallot, {
      ...residentWrite,
      handler: ({ actor, params, body }) =>
        budgets.castBallot(userIdOf(actor), params.roundId, body),
    }),
    defineRoute(api.getBudgetResults, {
      access: PUBLIC,
      handler: ({ params }) => budgets.results(params.roundId),
    }),
  ];
}
