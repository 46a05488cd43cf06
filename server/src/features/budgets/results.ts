/**
 * Results: the shared published rule applied to the round's ballots inside the transaction
 * that closes voting, stored per project; funded projects then become draft quests with
 * their budget attached (the project row keeps the quest id; the quest's budget is the
 * project's cost).
 */
import {
  BUDGET_METHOD,
  BUDGET_METHOD_DESCRIPTION,
  SUPERPOWERS,
  ZCreateQuestRequest,
  computeBudgetResults,
  formatPence,
  type BudgetPhase,
  type BudgetResults,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { QuestsService } from '../quests/service';
import { roundOrThrow } from './model';
import * as repo from './repo';

/** How long a funded project's quest runs by default; officers adjust the draft. */
const FUNDED_QUEST_DAYS = 90;
const DAY_MS = 24 * 3600_000;

export interface ResultsDeps {
  areas: Pick<AreasService, 'byId'>;
  audit: Pick<AuditService, 'record'>;
  quests: Pick<QuestsService, 'create'>;
}

export function createResults(infra: Pick<Infra, 'db' | 'clock' | 'logger'>, deps: ResultsDeps) {
  /** Computes and stores results in `tx`; the round row is locked by the caller. */
  async function compute(tx: DbOrTx, round: repo.RoundRow) {
    const projects = (await repo.projectsOfRound(tx, round.id)).filter((p) => p.feasible);
    const ballots = await repo.ballotsOfRound(tx, round.id);
    const outcome = computeBudgetResults(round.amountPence, projects, ballots);
    for (const line of outcome.lines) {
      await repo.updateProject(tx, line.projectId, { votes: line.votes, funded: line.funded });
    }
    await deps.audit.record(tx, {
      areaId: round.areaId,
      actorId: null,
      action: 'budget.results',
      entityType: 'budget_round',
      entityId: round.id,
      after: {
        method: BUDGET_METHOD,
        ballots: outcome.ballots,
        allocatedPence: outcome.allocatedPence,
        funded: outcome.lines.filter((l) => l.funded).map((l) => l.projectId),
      },
    });
    return outcome;
  }

  /** Funded projects without a quest get one (a draft, for an officer to check and publish). */
  async function fundQuests(roundId: string) {
    const round = await roundOrThrow(infra.db, roundId);
    const pending = await repo.fundedWithoutQuest(infra.db, roundId);
    if (pending.length === 0 || !round.createdBy) return 0;
    const area = await deps.areas.byId(round.areaId);
    const now = infra.clock.now();
    for (const project of pending) {
      const input = ZCreateQuestRequest.parse({
        title: project.title,
        problem: project.description,
        desiredOutcome:
          `Deliver "${project.title}", funded with ${formatPence(project.costPence)} ` +
          `by the participatory budget "${round.title}".`,
        location: { lat: project.lat, lng: project.lng, radiusM: 100 },
        startsAt: now.toISOString(),
        endsAt: new Date(now.getTime() + FUNDED_QUEST_DAYS * DAY_MS).toISOString(),
        xp: 100,
        superpowers: [SUPERPOWERS[1]],
        evidenceRules: { photo: true, officerSignOff: true },
        maxCompletions: 1,
        publish: false,
      });
      const quest = await deps.quests.create(round.createdBy, area.slug, input);
      await repo.setProjectQuest(infra.db, project.id, quest.id);
    }
    return pending.length;
  }

  /** Open data: totals and the method; vote counts only once voting has closed. */
  async function publicResults(roundId: string): Promise<BudgetResults> {
    const round = await roundOrThrow(infra.db, roundId);
    const closed = (round.phase as BudgetPhase) === 'results';
    const projects = closed
      ? (await repo.projectsOfRound(infra.db, roundId)).filter((p) => p.feasible)
      : [];
    const lines = projects
      .map((p) => ({
        projectId: p.id,
        title: p.title,
        costPence: p.costPence,
        votes: p.votes ?? 0,
        funded: p.funded ?? false,
        questId: p.questId,
      }))
      .sort((a, b) => Number(b.funded) - Number(a.funded) || b.votes - a.votes);
    const allocatedPence = lines.filter((l) => l.funded).reduce((s, l) => s + l.costPence, 0);
    return {
      roundId,
      title: round.title,
      phase: round.phase as BudgetPhase,
      method: BUDGET_METHOD,
      methodDescription: BUDGET_METHOD_DESCRIPTION,
      amountPence: round.amountPence,
      ballots: await repo.countBallots(infra.db, roundId),
      lines,
      allocatedPence,
      remainingPence: round.amountPence - allocatedPence,
    };
  }

  return { compute, fundQuests, publicResults };
}
export type BudgetResultsRoom = ReturnType<typeof createResults>;
