/**
 * A round's phases: an officer opens it (in proposals) with the dates each phase ends; the
 * clock moves it through delayed jobs, and an officer may move it on early. Entering results
 * computes them in the same transaction; funded quests follow the commit.
 */
import { DelayedError, type Job } from 'bullmq';
import {
  BUDGET_METHOD,
  BUDGET_PHASES,
  type BudgetPhase,
  type OpenBudgetRoundRequest,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { budgetSweepJob, createBudgetPhaseJob, phaseJobId, type BudgetPhasePayload } from './jobs';
import { endOf, nextPhase, presentRound, roundOrThrow } from './model';
import * as repo from './repo';
import type { BudgetResultsRoom } from './results';

export interface PhasesDeps {
  areas: Pick<AreasService, 'idOfSlug'>;
  audit: Pick<AuditService, 'record'>;
  results: Pick<BudgetResultsRoom, 'compute' | 'fundQuests'>;
}

export function createPhases(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'logger'>,
  deps: PhasesDeps,
) {
  const now = () => infra.clock.now();

  async function open(actorId: string, slug: string, input: OpenBudgetRoundRequest) {
    const areaId = await deps.areas.idOfSlug(slug);
    if (Date.parse(input.proposalsEndAt) <= now().getTime()) {
      throw AppError.field('proposalsEndAt', 'proposals must end in the future');
    }
    const row = await infra.db.transaction(async (tx) => {
      const round = await repo.insertRound(tx, {
        areaId,
        title: input.title,
        amountPence: input.amountPence,
        phase: 'proposals',
        proposalsEndAt: new Date(input.proposalsEndAt),
        feasibilityEndAt: new Date(input.feasibilityEndAt),
        votingEndAt: new Date(input.votingEndAt),
        minProjects: input.minProjects,
        maxProjects: input.maxProjects,
        method: BUDGET_METHOD,
        createdBy: actorId,
      });
      await deps.audit.record(tx, {
        areaId,
        actorId,
        action: 'budget.open',
        entityType: 'budget_round',
        entityId: round.id,
        after: presentRound(round),
      });
      return round;
    });
    await schedule(row);
    return presentRound(row);
  }

  /** One delayed job per phase end; stable ids make a second call a no-op. */
  async function schedule(row: repo.RoundRow) {
    const t = now().getTime();
    for (const phase of BUDGET_PHASES) {
      const at = endOf(row, phase);
      if (!at) continue;
      await infra.jobs.add(
        phaseJob,
        { roundId: row.id, phase },
        { jobId: phaseJobId(row.id, phase), delay: Math.max(0, at.getTime() - t) },
      );
    }
  }

  /** One step forward in `tx`, with its audit row; into results, results are computed. */
  async function step(tx: DbOrTx, row: repo.RoundRow, actorId: string | null) {
    const to = nextPhase(row.phase as BudgetPhase);
    if (!to) throw new AppError('illegal_transition', 'this round already has its results');
    if (to === 'results') await deps.results.compute(tx, row);
    const after = await repo.setPhase(tx, row.id, to, now());
    await deps.audit.record(tx, {
      areaId: row.areaId,
      actorId,
      action: `budget.${to}`,
      entityType: 'budget_round',
      entityId: row.id,
      before: { phase: row.phase },
      after: { phase: to },
    });
    return after;
  }

  async function afterCommit(row: repo.RoundRow) {
    if (row.phase !== 'results') return;
    try {
      await deps.results.fundQuests(row.id);
    } catch (err) {
      // The sweep tries again; the results themselves are committed.
      infra.logger.error({ err, roundId: row.id }, 'could not create quests for funded projects');
    }
  }

  /** An officer moves the round on now, from the phase they saw. */
  async function advance(actorId: string, roundId: string, from: BudgetPhase) {
    const after = await infra.db.transaction(async (tx) => {
      const row = await roundOrThrow(tx, roundId, true);
      if (row.phase !== from) {
        throw new AppError('conflict', `the round is already in ${row.phase}; reload it`);
      }
      return step(tx, row, actorId);
    });
    await afterCommit(after);
    return presentRound(after);
  }

  /** Moves a round through every phase whose end has passed. */
  async function catchUp(roundId: string) {
    const after = await infra.db.transaction(async (tx) => {
      let row = await repo.findRoundForUpdate(tx, roundId);
      if (!row) return null;
      const start = row.phase;
      for (;;) {
        const end = endOf(row, row.phase as BudgetPhase);
        if (!end || end.getTime() > now().getTime()) break;
        row = await step(tx, row, null);
      }
      return row.phase === start ? null : row;
    });
    if (after) await afterCommit(after);
    return after;
  }

  async function runPhaseJob(payload: BudgetPhasePayload, job: Job) {
    const row = await repo.findRound(infra.db, payload.roundId);
    if (!row) return 'round gone';
    const end = endOf(row, payload.phase);
    if (row.phase === payload.phase && end && end.getTime() > now().getTime()) {
      // Fired before its time: wait again instead of acting now.
      await job.moveToDelayed(end.getTime(), job.token);
      throw new DelayedError();
    }
    const moved = await catchUp(payload.roundId);
    return moved ? `moved to ${moved.phase}` : 'nothing to do';
  }

  async function sweep() {
    const ids = await repo.overdueRoundIds(infra.db, now());
    for (const id of ids) await catchUp(id);
    let funded = 0;
    for (const id of await repo.roundsAwaitingQuests(infra.db)) {
      funded += await deps.results.fundQuests(id);
    }
    return { moved: ids.length, funded };
  }

  const phaseJob = createBudgetPhaseJob(runPhaseJob);
  const jobs = [phaseJob, budgetSweepJob(sweep)];

  return { open, advance, catchUp, jobs };
}
