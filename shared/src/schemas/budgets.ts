import { z } from 'zod';
import { ZId, ZIsoDateTime, ZList, ZPlainText } from './common';
import { ZLatLng } from './geo';

/** A round's phases in order; the clock (or an officer) moves it one step at a time. */
export const BUDGET_PHASES = ['proposals', 'feasibility', 'voting', 'results'] as const;
export const ZBudgetPhase = z.enum(BUDGET_PHASES);
export type BudgetPhase = z.infer<typeof ZBudgetPhase>;

/** Money is whole pence everywhere: no floating point between the ballot and the ledger. */
export const ZPence = z.number().int().min(0).max(10_000_000_000);

/** The published way results are computed; `budget-results.ts` is its only implementation. */
export const BUDGET_METHOD = 'greedy-by-votes' as const;

export const ZBudgetRoundParams = z.object({ roundId: ZId });
export const ZBudgetProjectParams = z.object({ projectId: ZId });

export const ZOpenBudgetRoundRequest = z
  .object({
    title: ZPlainText(120, { min: 3 }),
    amountPence: ZPence.min(100, 'the budget must be at least £1'),
    proposalsEndAt: ZIsoDateTime,
    feasibilityEndAt: ZIsoDateTime,
    votingEndAt: ZIsoDateTime,
    minProjects: z.number().int().min(0).max(50).default(1),
    /** null: as many as fit in the budget. */
    maxProjects: z.number().int().min(1).max(50).nullable().default(null),
  })
  .refine((r) => Date.parse(r.feasibilityEndAt) > Date.parse(r.proposalsEndAt), {
    message: 'feasibility must end after proposals',
    path: ['feasibilityEndAt'],
  })
  .refine((r) => Date.parse(r.votingEndAt) > Date.parse(r.feasibilityEndAt), {
    message: 'voting must end after feasibility',
    path: ['votingEndAt'],
  })
  .refine((r) => r.maxProjects === null || r.maxProjects >= r.minProjects, {
    message: 'maxProjects must be at least minProjects',
    path: ['maxProjects'],
  });
export type OpenBudgetRoundRequest = z.infer<typeof ZOpenBudgetRoundRequest>;

/** The phase the caller saw: advancing twice by accident moves only once. */
export const ZAdvanceBudgetRoundRequest = z.object({ from: ZBudgetPhase });
export type AdvanceBudgetRoundRequest = z.infer<typeof ZAdvanceBudgetRoundRequest>;

export const ZBudgetRound = z.object({
  id: ZId,
  areaId: ZId,
  title: z.string(),
  amountPence: z.number().int(),
  phase: ZBudgetPhase,
  proposalsEndAt: ZIsoDateTime,
  feasibilityEndAt: ZIsoDateTime,
  votingEndAt: ZIsoDateTime,
  minProjects: z.number().int(),
  maxProjects: z.number().int().nullable(),
  method: z.literal(BUDGET_METHOD),
  createdAt: ZIsoDateTime,
});
export type BudgetRound = z.infer<typeof ZBudgetRound>;
export const ZBudgetRoundList = ZList(ZBudgetRound);

export const ZProposeBudgetProjectRequest = z.object({
  title: ZPlainText(120, { min: 3 }),
  description: ZPlainText(2000, { min: 10, multiline: true }),
  costPence: ZPence.min(100, 'the cost must be at least £1'),
  location: ZLatLng,
});
export type ProposeBudgetProjectRequest = z.infer<typeof ZProposeBudgetProjectRequest>;

export const ZBudgetFeasibilityRequest = z.object({
  feasible: z.boolean(),
  /** Shown to everyone beside the project. */
  reason: ZPlainText(500, { min: 5 }),
});
export type BudgetFeasibilityRequest = z.infer<typeof ZBudgetFeasibilityRequest>;

export const ZBudgetProject = z.object({
  id: ZId,
  roundId: ZId,
  title: z.string(),
  description: z.string(),
  costPence: z.number().int(),
  location: ZLatLng,
  /** null until an officer decides. */
  feasible: z.boolean().nullable(),
  feasibilityReason: z.string().nullable(),
  /** Set once results are in. */
  funded: z.boolean().nullable(),
  questId: ZId.nullable(),
});
export type BudgetProject = z.infer<typeof ZBudgetProject>;

export const ZBudgetRoundView = z.object({
  round: ZBudgetRound,
  projects: z.array(ZBudgetProject),
});
export type BudgetRoundView = z.infer<typeof ZBudgetRoundView>;

export const ZBallotRequest = z.object({
  projectIds: z
    .array(ZId)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, 'each project at most once'),
});
export type BallotRequest = z.infer<typeof ZBallotRequest>;

/** The caller's own ballot; no route answers anyone else's. */
export const ZMyBallot = z.object({
  roundId: ZId,
  projectIds: z.array(ZId),
  totalPence: z.number().int(),
  updatedAt: ZIsoDateTime.nullable(),
});
export type MyBallot = z.infer<typeof ZMyBallot>;

export const ZBudgetResultLine = z.object({
  projectId: ZId,
  title: z.string(),
  costPence: z.number().int(),
  votes: z.number().int(),
  funded: z.boolean(),
  questId: ZId.nullable(),
});
export type BudgetResultLine = z.infer<typeof ZBudgetResultLine>;

/** Open data: totals and the method, never a ballot. */
export const ZBudgetResults = z.object({
  roundId: ZId,
  title: z.string(),
  phase: ZBudgetPhase,
  method: z.literal(BUDGET_METHOD),
  methodDescription: z.string(),
  amountPence: z.number().int(),
  ballots: z.number().int(),
  /** Vote totals and funding, once voting has closed; empty before. */
  lines: z.array(ZBudgetResultLine),
  allocatedPence: z.number().int(),
  remainingPence: z.number().int(),
});
export type BudgetResults = z.infer<typeof ZBudgetResults>;
