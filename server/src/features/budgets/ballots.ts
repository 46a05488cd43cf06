/**
 * Ballots: each resident of the area with a confirmed email fills one cart of feasible
 * projects within the budget and the round's minimum and maximum, and may replace it until
 * voting closes. One row per resident and round (unique index); only its owner reads it.
 */
import {
  ballotProblem,
  describeBallotProblem,
  type BallotRequest,
  type MyBallot,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AccountsService } from '../accounts/service';
import { roundOrThrow } from './model';
import * as repo from './repo';

export interface BallotsDeps {
  accounts: Pick<AccountsService, 'roleIn' | 'requireVerifiedEmail'>;
}

export function createBallots(infra: Pick<Infra, 'db' | 'clock'>, deps: BallotsDeps) {
  async function mine(userId: string, roundId: string): Promise<MyBallot> {
    await roundOrThrow(infra.db, roundId);
    const ballot = await repo.ballotOf(infra.db, roundId, userId);
    if (!ballot) return { roundId, projectIds: [], totalPence: 0, updatedAt: null };
    return {
      roundId,
      projectIds: await repo.choicesOf(infra.db, ballot.id),
      totalPence: ballot.totalPence,
      updatedAt: ballot.updatedAt.toISOString(),
    };
  }

  async function cast(userId: string, roundId: string, input: BallotRequest): Promise<MyBallot> {
    const probe = await roundOrThrow(infra.db, roundId);
    if (!(await deps.accounts.roleIn(userId, probe.areaId))) {
      throw forbidden('only residents of this area can vote in its budget');
    }
    await deps.accounts.requireVerifiedEmail(userId, 'vote in a participatory budget');
    await infra.db.transaction(async (tx) => {
      // Locked against the move to results: a ballot is either counted or refused.
      const round = await repo.findRoundForShare(tx, roundId);
      if (!round) throw notFound('budget round');
      if (round.phase !== 'voting') {
        throw new AppError('conflict', 'this round is not open for voting');
      }
      const chosen = await repo.projectsByIds(tx, roundId, input.projectIds);
      const votable = chosen.filter((p) => p.feasible === true);
      if (votable.length !== input.projectIds.length) {
        throw AppError.field('projectIds', 'choose only feasible projects of this round');
      }
      const totalPence = votable.reduce((sum, p) => sum + p.costPence, 0);
      const problem = ballotProblem(round, { totalPence, count: votable.length });
      if (problem) throw AppError.field('projectIds', describeBallotProblem(problem));
      await repo.upsertBallot(tx, {
        roundId,
        userId,
        totalPence,
        projectIds: input.projectIds,
        at: infra.clock.now(),
      });
    });
    return mine(userId, roundId);
  }

  return { mine, cast };
}
