/**
 * The clock's moves on a budget round: one delayed BullMQ job per phase end, with a stable id
 * (re-adding is a no-op; a restart keeps it in Redis). The handler re-reads the round and
 * moves it only as far as its dates say, so an early, late or repeated job is harmless.
 */
import type { Job } from 'bullmq';
import { z } from 'zod';
import { ZBudgetPhase, ZId, type BudgetPhase } from '@govcraft/shared';
import { defineJob, defineSweepJob } from '../../jobs/registry';

export const ZBudgetPhasePayload = z.object({ roundId: ZId, phase: ZBudgetPhase });
export type BudgetPhasePayload = z.infer<typeof ZBudgetPhasePayload>;

/** BullMQ refuses custom ids with one ':'; hyphens only. */
export const phaseJobId = (roundId: string, phase: BudgetPhase) =>
  `budget-phase-${roundId}-${phase}`;

/** Phase ends ride the clock's queue beside the quests' start and end moves. */
export function createBudgetPhaseJob(
  run: (payload: BudgetPhasePayload, job: Job) => Promise<unknown>,
) {
  return defineJob({
    queue: 'quest-lifecycle',
    name: 'budget-phase-end',
    version: 1,
    schema: ZBudgetPhasePayload,
    handle: (payload, job) => run(payload, job),
  });
}

export const BUDGET_SWEEP_EVERY_MS = 5 * 60_000;

/** The safety net: rounds whose phase job was lost are moved by the same code. */
export const budgetSweepJob = (sweep: () => Promise<unknown>) =>
  defineSweepJob('budgets.apply-overdue', BUDGET_SWEEP_EVERY_MS, sweep);
