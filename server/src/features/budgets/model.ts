/** How budget rows look to the outside, and the phase order. */
import {
  BUDGET_METHOD,
  BUDGET_PHASES,
  type BudgetPhase,
  type BudgetProject,
  type BudgetRound,
} from '@govcraft/shared';
import { notFound } from '../../lib/errors';
import type { DbOrTx } from '../../db/client';
import * as repo from './repo';

export function presentRound(row: repo.RoundRow): BudgetRound {
  return {
    id: row.id,
    areaId: row.areaId,
    title: row.title,
    amountPence: row.amountPence,
    phase: row.phase as BudgetPhase,
    proposalsEndAt: row.proposalsEndAt.toISOString(),
    feasibilityEndAt: row.feasibilityEndAt.toISOString(),
    votingEndAt: row.votingEndAt.toISOString(),
    minProjects: row.minProjects,
    maxProjects: row.maxProjects,
    method: BUDGET_METHOD,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Public: who proposed a project is not shown. */
export function presentProject(row: repo.ProjectRow): BudgetProject {
  return {
    id: row.id,
    roundId: row.roundId,
    title: row.title,
    description: row.description,
    costPence: row.costPence,
    location: { lat: row.lat, lng: row.lng },
    feasible: row.feasible,
    feasibilityReason: row.feasibilityReason,
    funded: row.funded,
    questId: row.questId,
  };
}

/** The phase after `phase`, or null after results. */
export function nextPhase(phase: BudgetPhase): BudgetPhase | null {
  return BUDGET_PHASES[BUDGET_PHASES.indexOf(phase) + 1] ?? null;
}

/** When the clock ends `phase`; results never end. */
export function endOf(row: repo.RoundRow, phase: BudgetPhase): Date | null {
  if (phase === 'proposals') return row.proposalsEndAt;
  if (phase === 'feasibility') return row.feasibilityEndAt;
  if (phase === 'voting') return row.votingEndAt;
  return null;
}

export async function roundOrThrow(db: DbOrTx, id: string, lock = false) {
  const row = lock ? await repo.findRoundForUpdate(db, id) : await repo.findRound(db, id);
  if (!row) throw notFound('budget round');
  return row;
}
