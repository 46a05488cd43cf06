/**
 * What the quest rooms share: rows to API shapes, request fields to columns, the audit view
 * of a quest, and reading a quest that must exist.
 */
import {
  LIVE_QUEST_STATUSES,
  type EvidenceRules,
  type Participation,
  type ParticipationStatus,
  type ProposeQuestRequest,
  type Quest,
  type QuestStatus,
  type Superpower,
  type UpdateQuestRequest,
} from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import { notFound } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import * as repo from './repo';
import { recordStatusChange } from './timeline';

export const isLive = (s: string) => LIVE_QUEST_STATUSES.includes(s as QuestStatus);

export function toQuest(row: repo.QuestRow, completions: number): Quest {
  return {
    id: row.id,
    areaId: row.areaId,
    storylineId: row.storylineId,
    title: row.title,
    problem: row.problem,
    desiredOutcome: row.desiredOutcome,
    location: { lat: row.lat, lng: row.lng, radiusM: row.radiusM },
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status as QuestStatus,
    xp: row.xp,
    superpowers: row.superpowers as Superpower[],
    evidenceRules: row.evidenceRules as EvidenceRules,
    teamSize: row.teamSize,
    maxCompletions: row.maxCompletions,
    completions,
    proposedBy: row.proposedBy,
    rejectionReason: row.rejectionReason,
    reopenWindowDays: row.reopenWindowDays,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toParticipation(row: repo.ParticipationRow): Participation {
  return {
    id: row.id,
    questId: row.questId,
    userId: row.userId,
    teamId: row.teamId,
    status: row.status as ParticipationStatus,
    joinedAt: row.joinedAt.toISOString(),
  };
}

/** Quests as the API shows them, with their completion counts (one query for all). */
export async function presentMany(db: DbOrTx, rows: repo.QuestRow[]): Promise<Quest[]> {
  const counts = await repo.completionCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toQuest(r, counts.get(r.id) ?? 0));
}

export async function present(db: DbOrTx, row: repo.QuestRow): Promise<Quest> {
  return (await presentMany(db, [row]))[0]!;
}

/** The quest, locked for the caller's transaction when asked; 404 when missing. */
export async function rowOrThrow(db: DbOrTx, questId: string, lock = false) {
  const row = lock ? await repo.findQuestForUpdate(db, questId) : await repo.findQuest(db, questId);
  if (!row) throw notFound('quest');
  return row;
}

/** The editable columns of a quest, from request fields that may be partial. */
export function questColumns(input: UpdateQuestRequest): Partial<repo.NewQuestRow> {
  const out: Partial<repo.NewQuestRow> = {};
  if (input.title !== undefined) out.title = input.title;
  if (input.problem !== undefined) out.problem = input.problem;
  if (input.desiredOutcome !== undefined) out.desiredOutcome = input.desiredOutcome;
  if (input.location !== undefined) {
    out.lat = input.location.lat;
    out.lng = input.location.lng;
    out.radiusM = input.location.radiusM;
  }
  if (input.startsAt !== undefined) out.startsAt = new Date(input.startsAt);
  if (input.endsAt !== undefined) out.endsAt = new Date(input.endsAt);
  if (input.xp !== undefined) out.xp = input.xp;
  if (input.superpowers !== undefined) out.superpowers = input.superpowers;
  if (input.evidenceRules !== undefined) out.evidenceRules = input.evidenceRules;
  if (input.teamSize !== undefined) out.teamSize = input.teamSize;
  if (input.maxCompletions !== undefined) out.maxCompletions = input.maxCompletions;
  if (input.storylineId !== undefined) out.storylineId = input.storylineId;
  if (input.reopenWindowDays !== undefined) out.reopenWindowDays = input.reopenWindowDays;
  return out;
}

/** The columns both an officer's quest and a resident's proposal describe. */
export function describedQuestColumns(input: ProposeQuestRequest) {
  return {
    title: input.title,
    problem: input.problem,
    desiredOutcome: input.desiredOutcome,
    lat: input.location.lat,
    lng: input.location.lng,
    radiusM: input.location.radiusM,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    superpowers: input.superpowers,
    evidenceRules: input.evidenceRules,
    teamSize: input.teamSize,
  };
}

/** The audit view of a row: what an officer would want to compare, dates as text. */
export function auditView(row: repo.QuestRow) {
  return {
    status: row.status,
    title: row.title,
    lat: row.lat,
    lng: row.lng,
    radiusM: row.radiusM,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    xp: row.xp,
    superpowers: row.superpowers,
    teamSize: row.teamSize,
    maxCompletions: row.maxCompletions,
    storylineId: row.storylineId,
  };
}

/** Inserts a quest in `tx` with its audit row (`quest.create`, `quest.propose`). */
export async function insertAudited(
  tx: DbOrTx,
  audit: Pick<AuditService, 'record'>,
  action: string,
  actorId: string,
  values: repo.NewQuestRow,
): Promise<repo.QuestRow> {
  const row = await repo.insertQuest(tx, values);
  await audit.record(tx, {
    areaId: row.areaId,
    actorId,
    action,
    entityType: 'quest',
    entityId: row.id,
    after: auditView(row),
  });
  // The first line of the public timeline: a resident proposed it or an officer posted it.
  await recordStatusChange(tx, {
    questId: row.id,
    areaId: row.areaId,
    from: null,
    to: row.status as QuestStatus,
    by: action === 'quest.propose' ? 'resident' : 'officer',
    reason: null,
    at: row.createdAt,
  });
  return row;
}
