/**
 * Residents on quests: join (a team quest needs a full enough team), leave before sending
 * evidence, list their own; and the participation view the evidence feature asks for.
 */
import type { MyQuest, Participation, ParticipationStatus } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import { isLive, present, presentMany, rowOrThrow, toParticipation } from './model';
import * as repo from './repo';

/** The teams service's view of a resident's team. */
export type TeamOf = (
  areaId: string,
  userId: string,
) => Promise<{ teamId: string; name: string; memberIds: string[] } | null>;

export interface ParticipationDeps {
  areas: Pick<AreasService, 'byId' | 'join'>;
  teamOf: TeamOf;
}

type ParticipationRef = { id: string; status: ParticipationStatus; teamId: string | null };
const refOf = (p: repo.ParticipationRow): ParticipationRef => ({
  id: p.id,
  status: p.status as ParticipationStatus,
  teamId: p.teamId,
});

export function createParticipation(infra: Pick<Infra, 'db' | 'clock'>, deps: ParticipationDeps) {
  const { db } = infra;

  /** The team a team quest is joined with; refuses when there is none or it is too small. */
  async function teamFor(row: repo.QuestRow, userId: string): Promise<string | null> {
    if (row.teamSize === null) return null;
    const team = await deps.teamOf(row.areaId, userId);
    if (!team)
      throw new AppError(
        'conflict',
        `this is a team quest for ${row.teamSize}: join or start a team first`,
      );
    if (team.memberIds.length < row.teamSize) {
      throw new AppError(
        'conflict',
        `this quest needs a team of ${row.teamSize}; ${team.name} has ${team.memberIds.length}`,
      );
    }
    return team.teamId;
  }

  async function join(userId: string, questId: string): Promise<Participation> {
    const row = await rowOrThrow(db, questId);
    if (!isLive(row.status) || row.endsAt.getTime() <= infra.clock.now().getTime()) {
      throw new AppError(
        'conflict',
        `this quest is ${row.status}; only published or active quests can be joined`,
      );
    }
    const existing = await repo.findParticipation(db, questId, userId);
    if (existing && existing.status !== 'left') return toParticipation(existing);
    if (row.maxCompletions !== null) {
      const done = (await repo.completionCounts(db, [questId])).get(questId) ?? 0;
      if (done >= row.maxCompletions)
        throw new AppError('conflict', 'this quest has been done as often as it is needed');
    }
    const area = await deps.areas.byId(row.areaId);
    await deps.areas.join(userId, area.slug);
    const teamId = await teamFor(row, userId);
    return toParticipation(await repo.upsertJoined(db, { questId, userId, teamId }));
  }

  async function leave(userId: string, questId: string): Promise<Participation> {
    await rowOrThrow(db, questId);
    const p = await repo.findParticipation(db, questId, userId);
    if (!p || p.status === 'left') throw notFound('your place on this quest');
    const left = await repo.setParticipationStatusIf(db, p.id, 'joined', 'left');
    if (!left) {
      throw new AppError(
        'conflict',
        'you have already sent evidence for this quest, so you cannot leave it',
      );
    }
    return toParticipation(left);
  }

  async function myQuests(userId: string): Promise<MyQuest[]> {
    const rows = await repo.listParticipationsOfUser(db, userId);
    const quests = await presentMany(
      db,
      rows.map((r) => r.quest),
    );
    return rows.map((r, i) => ({
      quest: quests[i]!,
      participation: toParticipation(r.participation),
    }));
  }

  /** One resident's place on a quest, or null when they never joined. */
  async function participationFor(questId: string, userId: string) {
    const p = await repo.findParticipation(db, questId, userId);
    return p ? refOf(p) : null;
  }

  /**
   * What the evidence feature needs in one call: the quest (404 when missing) and the
   * places of these residents on it, by user id.
   */
  async function participationIn(questId: string, userIds: readonly string[]) {
    const [row, rows] = await Promise.all([
      rowOrThrow(db, questId),
      repo.findParticipations(db, questId, userIds),
    ]);
    const participations = new Map(rows.map((p) => [p.userId, refOf(p)]));
    return { quest: await present(db, row), participations };
  }

  type Status = 'submitted' | 'completed' | 'joined';
  return {
    join,
    leave,
    myQuests,
    participationFor,
    participationIn,
    /** Moves a participation inside the caller's transaction. */
    setParticipationStatus: (tx: DbOrTx, participationId: string, status: Status) =>
      repo.setParticipationStatus(tx, participationId, status),
    /** The same for many participations in one statement (the verifier's group commit). */
    setParticipationStatuses: (tx: DbOrTx, participationIds: readonly string[], status: Status) =>
      repo.setParticipationStatuses(tx, participationIds, status),
  };
}
