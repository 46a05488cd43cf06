/**
 * What the evidence rooms share: the ports to the features below (quests, teams, accounts),
 * how evidence is stored and how a row is shown.
 */
import type {
  AreaRole,
  CheckResult,
  Evidence,
  EvidenceStatus,
  ParticipationStatus,
  Quest,
} from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { Actor } from '../accounts/actor';
import type * as repo from './repo';

/** A resident's place on a quest, as evidence needs it. */
export interface ParticipationRef {
  id: string;
  status: ParticipationStatus;
  teamId: string | null;
}

/** A quest and the places of some residents on it, answered by one quests call. */
export interface QuestParticipation {
  quest: Quest;
  /** By user id; residents who never joined are absent. */
  participations: ReadonlyMap<string, ParticipationRef>;
}

/** What evidence needs from the quests feature. */
export interface QuestAccess {
  get(questId: string): Promise<Quest>;
  participationIn(questId: string, userIds: readonly string[]): Promise<QuestParticipation>;
  /** Moves participations inside the caller's transaction, one statement for all. */
  setParticipationStatuses(
    tx: DbOrTx,
    participationIds: readonly string[],
    status: 'submitted' | 'completed' | 'joined',
  ): Promise<void>;
}

/** The teams feature's view of a resident's team in an area. */
export type TeamOf = (
  areaId: string,
  userId: string,
) => Promise<{ teamId: string; name: string; memberIds: string[] } | null>;

/** The accounts feature's rule: refuses unless the actor holds at least `role` there. */
export type Authorise = (actor: Actor, role: AreaRole, areaId: string) => Promise<void>;

export interface StoredCheckin {
  lat: number;
  lng: number;
  accuracyM: number;
  deviceTime: string;
}

export interface StoredExif {
  takenAt: string | null;
  lat: number | null;
  lng: number | null;
  hasExif: boolean;
}

/** Still waiting for a decision: neighbours may vouch, officers may review. */
export const OPEN_STATUSES: readonly EvidenceStatus[] = ['pending', 'needs_review'];
/** What an officer may decide: the same states, checked in the decision's transaction. */
export const REVIEWABLE: readonly EvidenceStatus[] = ['needs_review', 'pending'];

export const photoUrlOf = (evidenceId: string) => `/api/evidence/${evidenceId}/photo`;

export const alreadyDecided = (status: string) =>
  new AppError('conflict', `this evidence has already been decided (${status})`);

export function toView(row: repo.EvidenceRow, attestations: number, needed: number): Evidence {
  return {
    id: row.id,
    questId: row.questId,
    areaId: row.areaId,
    userId: row.userId,
    teamId: row.teamId,
    status: row.status as EvidenceStatus,
    checks: (row.checks as CheckResult[] | null) ?? [],
    score: row.score,
    reason: row.statusReason,
    checkin: row.checkin as StoredCheckin | null,
    text: row.text,
    photoUrl: row.photoKey ? photoUrlOf(row.id) : null,
    attestations,
    attestationsNeeded: needed,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
