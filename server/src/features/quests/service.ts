/**
 * Quests: officers create, edit and move them through the lifecycle table; residents
 * propose, join and leave them; delayed jobs make the clock's moves. Every status or field
 * change writes its audit row in the same transaction; jobs and realtime events follow the
 * commit.
 */
import { DelayedError, type Job } from 'bullmq';
import {
  EDITABLE_QUEST_STATUSES,
  PUBLIC_QUEST_STATUSES,
  dueTransition,
  rooms,
  transitionRefusal,
  type AreaRole,
  type CreateQuestRequest,
  type EvidenceRules,
  type ManageQuestsQuery,
  type MyQuest,
  type Participation,
  type ParticipationStatus,
  type ProposeQuestRequest,
  type Quest,
  type QuestListQuery,
  type QuestPage,
  type QuestStatus,
  type Superpower,
  type UpdateQuestRequest,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../http/route';
import { AppError, notFound } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { decodeCursor, encodeCursor, ZManageCursor, ZMapCursor } from './cursor';
import {
  applyOverdueMovesJob,
  createQuestLifecycleJobs,
  lifecycleJobId,
  type LifecycleMove,
} from './jobs';
import * as repo from './repo';

/** Residents' proposals carry no reward yet; the officer sets it before publishing. */
export const PROPOSAL_DEFAULT_XP = 50;

/** The teams service's view of a resident's team. */
export type TeamOf = (
  areaId: string,
  userId: string,
) => Promise<{ teamId: string; name: string; memberIds: string[] } | null>;

export interface QuestsDeps {
  areas: AreasService;
  audit: AuditService;
  teamOf: TeamOf;
  authorise: (actor: Actor, role: AreaRole, areaId: string) => Promise<void>;
  /** Area of a storyline, null when there is none; keeps quests out of storylines' repo. */
  storylineAreaOf: (storylineId: string) => Promise<string | null>;
}

const LIVE: readonly QuestStatus[] = ['published', 'active'];
const isLive = (s: string) => LIVE.includes(s as QuestStatus);
/** A move this late was missed by its delayed job (which fires within a second). */
const OVERDUE_GRACE_MS = 2 * 60_000;
const OVERDUE_BATCH = 500;

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
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toParticipation(row: repo.ParticipationRow): Participation {
  return {
    id: row.id,
    questId: row.questId,
    userId: row.userId,
    teamId: row.teamId,
    status: row.status as ParticipationStatus,
    joinedAt: row.joinedAt.toISOString(),
  };
}

/** The editable columns of a quest, from request fields that may be partial. */
function questColumns(input: UpdateQuestRequest): Partial<repo.NewQuestRow> {
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
  return out;
}

/** The columns both an officer's quest and a resident's proposal describe. */
function describedQuestColumns(input: ProposeQuestRequest) {
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
function auditView(row: repo.QuestRow) {
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

export function createQuestsService(infra: Infra, deps: QuestsDeps) {
  const now = () => infra.clock.now();

  async function rowOrThrow(db: DbOrTx, questId: string, lock = false): Promise<repo.QuestRow> {
    const row = lock
      ? await repo.findQuestForUpdate(db, questId)
      : await repo.findQuest(db, questId);
    if (!row) throw notFound('quest');
    return row;
  }

  async function present(row: repo.QuestRow): Promise<Quest> {
    const counts = await repo.completionCounts(infra.db, [row.id]);
    return toQuest(row, counts.get(row.id) ?? 0);
  }

  async function presentMany(rows: repo.QuestRow[]): Promise<Quest[]> {
    const counts = await repo.completionCounts(
      infra.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => toQuest(r, counts.get(r.id) ?? 0));
  }

  // ---- validation that needs the database -----------------------------------

  async function checkPlacement(
    areaId: string,
    fields: { lat: number; lng: number; storylineId: string | null },
  ) {
    if (!(await deps.areas.contains(areaId, fields))) {
      throw AppError.field('location', 'the spot is outside the area; choose a place inside it');
    }
    if (fields.storylineId && (await deps.storylineAreaOf(fields.storylineId)) !== areaId) {
      throw AppError.field('storylineId', 'no storyline with this id in this area');
    }
  }

  function checkWindow(row: Pick<repo.QuestRow, 'startsAt' | 'endsAt'>) {
    if (row.endsAt.getTime() <= row.startsAt.getTime()) {
      throw AppError.field('endsAt', 'endsAt must be after startsAt');
    }
  }

  // ---- the one place a status changes ----------------------------------------

  /**
   * Moves a quest to `to` if the lifecycle table allows it, with its audit row in `tx`.
   * Going live needs an end in the future: a quest nobody could ever do is refused.
   */
  async function move(
    tx: DbOrTx,
    row: repo.QuestRow,
    to: QuestStatus,
    actorId: string | null,
    extra: Partial<repo.NewQuestRow> = {},
  ): Promise<repo.QuestRow> {
    const refusal = transitionRefusal(row.status as QuestStatus, to);
    if (refusal) throw new AppError('illegal_transition', refusal);
    if (isLive(to) && row.endsAt.getTime() <= now().getTime()) {
      throw AppError.field('endsAt', 'this quest has already ended; move endsAt later first');
    }
    const after = await repo.updateQuest(tx, row.id, { ...extra, status: to }, now());
    await deps.audit.record(tx, {
      areaId: row.areaId,
      actorId,
      action: `quest.${to}`,
      entityType: 'quest',
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, ...(extra.rejectionReason ? { reason: extra.rejectionReason } : {}) },
    });
    return after;
  }

  /** Publishing puts a quest on the map; if its start has passed it goes straight to active. */
  async function publish(tx: DbOrTx, row: repo.QuestRow, actorId: string | null) {
    const published = await move(tx, row, 'published', actorId);
    return published.startsAt.getTime() <= now().getTime()
      ? move(tx, published, 'active', actorId)
      : published;
  }

  // ---- after commit: delayed jobs and realtime --------------------------------

  const jobs = createQuestLifecycleJobs(runDueMove);

  async function removeJob(move: LifecycleMove, questId: string) {
    try {
      await infra.jobs.queue('quest-lifecycle').remove(lifecycleJobId(move, questId));
    } catch (err) {
      // A running job is locked and cannot be removed; it re-checks the quest when it runs.
      infra.logger.debug({ err, questId, move }, 'lifecycle job not removed');
    }
  }

  /** Makes the delayed jobs match the quest: remove both, add what its status still needs. */
  async function syncLifecycleJobs(row: repo.QuestRow) {
    await Promise.all([removeJob('activate', row.id), removeJob('close', row.id)]);
    const t = now().getTime();
    if (row.status === 'published') {
      await infra.jobs.add(
        jobs.activate,
        { questId: row.id },
        {
          jobId: lifecycleJobId('activate', row.id),
          delay: Math.max(0, row.startsAt.getTime() - t),
        },
      );
    }
    if (isLive(row.status)) {
      await infra.jobs.add(
        jobs.close,
        { questId: row.id },
        { jobId: lifecycleJobId('close', row.id), delay: Math.max(0, row.endsAt.getTime() - t) },
      );
    }
  }

  async function afterCommit(before: repo.QuestRow | null, after: repo.QuestRow) {
    const statusChanged = before?.status !== after.status;
    const datesChanged =
      before?.startsAt.getTime() !== after.startsAt.getTime() ||
      before?.endsAt.getTime() !== after.endsAt.getTime();
    if (statusChanged || datesChanged) {
      try {
        await syncLifecycleJobs(after);
      } catch (err) {
        infra.logger.error({ err, questId: after.id }, 'could not schedule quest lifecycle jobs');
      }
    }
    await emitChange(before, after);
  }

  async function emitChange(before: repo.QuestRow | null, after: repo.QuestRow) {
    const room = infra.io.to(rooms.area(after.areaId));
    const wasLive = !!before && isLive(before.status);
    if (isLive(after.status) && !wasLive) {
      room.emit('quest:published', { quest: await present(after) });
    } else if (wasLive && !isLive(after.status)) {
      room.emit('quest:closed', { questId: after.id, areaId: after.areaId });
    } else if (PUBLIC_QUEST_STATUSES.includes(after.status as QuestStatus)) {
      room.emit('quest:updated', { quest: await present(after) });
    }
  }

  /** Makes a move if it is still legal and due; the delayed jobs and the sweep share it. */
  async function applyDueMove(kind: LifecycleMove, questId: string) {
    const target = kind === 'activate' ? 'active' : 'closed';
    const result = await infra.db.transaction(async (tx) => {
      const row = await repo.findQuestForUpdate(tx, questId);
      if (!row) return { outcome: 'quest gone' as const };
      if (dueTransition({ ...row, status: row.status as QuestStatus }, now()) === target) {
        return { outcome: 'moved' as const, before: row, after: await move(tx, row, target, null) };
      }
      const dueAt = kind === 'activate' ? row.startsAt : row.endsAt;
      const waiting = kind === 'activate' ? row.status === 'published' : isLive(row.status);
      return waiting && dueAt.getTime() > now().getTime()
        ? { outcome: 'early' as const, dueAt }
        : { outcome: 'nothing to do' as const };
    });
    if (result.outcome === 'moved') await afterCommit(result.before, result.after);
    return result;
  }

  /** The delayed jobs' handler: acts only if the move is still legal and due. */
  async function runDueMove(kind: LifecycleMove, questId: string, job: Job): Promise<string> {
    const result = await applyDueMove(kind, questId);
    if (result.outcome === 'moved') return `${kind}d`;
    if (result.outcome === 'early') {
      // Fired before its time (dates moved while it ran): wait again instead of acting now.
      await job.moveToDelayed(result.dueAt.getTime(), job.token);
      throw new DelayedError();
    }
    return result.outcome;
  }

  /**
   * Moves every quest whose move was due more than OVERDUE_GRACE_MS before `at`: a delayed
   * job does that within a second, so these are the ones whose job was lost.
   */
  async function applyOverdueMoves(at: Date = now()): Promise<{ moved: number }> {
    const rows = await repo.listOverdue(
      infra.db,
      new Date(at.getTime() - OVERDUE_GRACE_MS),
      OVERDUE_BATCH,
    );
    let moved = 0;
    for (const row of rows) {
      const due = dueTransition({ ...row, status: row.status as QuestStatus }, now());
      if (!due) continue;
      const result = await applyDueMove(due === 'active' ? 'activate' : 'close', row.id);
      if (result.outcome === 'moved') moved += 1;
    }
    if (moved > 0) infra.logger.warn({ moved }, 'moved quests whose lifecycle job was lost');
    return { moved };
  }
  const overdueJob = applyOverdueMovesJob(() => applyOverdueMoves());

  // ---- officer actions ---------------------------------------------------------

  async function create(actorId: string, areaSlug: string, input: CreateQuestRequest) {
    const areaId = await deps.areas.idOfSlug(areaSlug);
    await checkPlacement(areaId, { ...input.location, storylineId: input.storylineId });
    const row = await infra.db.transaction(async (tx) => {
      const draft = await repo.insertQuest(tx, {
        areaId,
        status: 'draft',
        createdBy: actorId,
        ...describedQuestColumns(input),
        xp: input.xp,
        maxCompletions: input.maxCompletions,
        storylineId: input.storylineId,
      });
      await deps.audit.record(tx, {
        areaId,
        actorId,
        action: 'quest.create',
        entityType: 'quest',
        entityId: draft.id,
        after: auditView(draft),
      });
      return input.publish ? publish(tx, draft, actorId) : draft;
    });
    await afterCommit(null, row);
    return present(row);
  }

  async function update(actorId: string, questId: string, patch: UpdateQuestRequest) {
    const { before, after } = await infra.db.transaction(async (tx) => {
      const row = await rowOrThrow(tx, questId, true);
      if (!EDITABLE_QUEST_STATUSES.includes(row.status as QuestStatus)) {
        throw new AppError('conflict', `a ${row.status} quest can no longer be edited`);
      }
      const merged = { ...row, ...questColumns(patch) };
      checkWindow(merged);
      if (isLive(row.status) && merged.endsAt.getTime() <= now().getTime()) {
        throw AppError.field('endsAt', 'a live quest needs an end in the future; close it instead');
      }
      if (patch.location || patch.storylineId) await checkPlacement(row.areaId, merged);
      const updated = await repo.updateQuest(tx, questId, questColumns(patch), now());
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId,
        action: 'quest.update',
        entityType: 'quest',
        entityId: questId,
        before: auditView(row),
        after: auditView(updated),
      });
      return { before: row, after: updated };
    });
    await afterCommit(before, after);
    return present(after);
  }

  /** An officer's explicit move (publish, retire, reopen …); illegal moves are a 409. */
  async function transition(actorId: string, questId: string, to: QuestStatus) {
    const { before, after } = await infra.db.transaction(async (tx) => {
      const row = await rowOrThrow(tx, questId, true);
      return { before: row, after: await move(tx, row, to, actorId) };
    });
    await afterCommit(before, after);
    return present(after);
  }

  async function approve(actorId: string, questId: string, publishNow: boolean) {
    const { before, after } = await infra.db.transaction(async (tx) => {
      const row = await rowOrThrow(tx, questId, true);
      if (row.status !== 'proposed') {
        throw new AppError(
          'illegal_transition',
          `only proposed quests can be approved; this one is ${row.status}`,
        );
      }
      const adopted = await repo.updateQuest(tx, questId, { createdBy: actorId }, now());
      const after = publishNow
        ? await publish(tx, adopted, actorId)
        : await move(tx, adopted, 'draft', actorId);
      return { before: row, after };
    });
    await afterCommit(before, after);
    return present(after);
  }

  async function reject(actorId: string, questId: string, reason: string) {
    const after = await infra.db.transaction(async (tx) => {
      const row = await rowOrThrow(tx, questId, true);
      if (row.status !== 'proposed') {
        throw new AppError(
          'illegal_transition',
          `only proposed quests can be rejected; this one is ${row.status}`,
        );
      }
      return move(tx, row, 'rejected', actorId, { rejectionReason: reason });
    });
    return present(after);
  }

  // ---- residents ---------------------------------------------------------------

  async function propose(userId: string, areaSlug: string, input: ProposeQuestRequest) {
    const areaId = await deps.areas.idOfSlug(areaSlug);
    await deps.areas.join(userId, areaSlug);
    await checkPlacement(areaId, { ...input.location, storylineId: null });
    const row = await infra.db.transaction(async (tx) => {
      const proposed = await repo.insertQuest(tx, {
        areaId,
        status: 'proposed',
        proposedBy: userId,
        ...describedQuestColumns(input),
        xp: PROPOSAL_DEFAULT_XP,
      });
      await deps.audit.record(tx, {
        areaId,
        actorId: userId,
        action: 'quest.propose',
        entityType: 'quest',
        entityId: proposed.id,
        after: auditView(proposed),
      });
      return proposed;
    });
    return present(row);
  }

  async function join(userId: string, questId: string): Promise<Participation> {
    const row = await rowOrThrow(infra.db, questId);
    if (!isLive(row.status) || row.endsAt.getTime() <= now().getTime()) {
      throw new AppError(
        'conflict',
        `this quest is ${row.status}; only published or active quests can be joined`,
      );
    }
    const existing = await repo.findParticipation(infra.db, questId, userId);
    if (existing && existing.status !== 'left') return toParticipation(existing);
    if (row.maxCompletions !== null) {
      const done = (await repo.completionCounts(infra.db, [questId])).get(questId) ?? 0;
      if (done >= row.maxCompletions)
        throw new AppError('conflict', 'this quest has been done as often as it is needed');
    }
    const area = await deps.areas.byId(row.areaId);
    await deps.areas.join(userId, area.slug);
    let teamId: string | null = null;
    if (row.teamSize !== null) {
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
      teamId = team.teamId;
    }
    return toParticipation(await repo.upsertJoined(infra.db, { questId, userId, teamId }));
  }

  async function leave(userId: string, questId: string): Promise<Participation> {
    await rowOrThrow(infra.db, questId);
    const p = await repo.findParticipation(infra.db, questId, userId);
    if (!p || p.status === 'left') throw notFound('your place on this quest');
    const left = await repo.setParticipationStatusIf(infra.db, p.id, 'joined', 'left');
    if (!left) {
      throw new AppError(
        'conflict',
        'you have already sent evidence for this quest, so you cannot leave it',
      );
    }
    return toParticipation(left);
  }

  async function myQuests(userId: string): Promise<MyQuest[]> {
    const rows = await repo.listParticipationsOfUser(infra.db, userId);
    const quests = await presentMany(rows.map((r) => r.quest));
    return rows.map((r, i) => ({
      quest: quests[i]!,
      participation: toParticipation(r.participation),
    }));
  }

  // ---- reading -----------------------------------------------------------------

  /** Public unless not yet (or no longer) public: then officers and the proposer only. */
  async function view(actor: Actor | null, questId: string): Promise<Quest> {
    const row = await rowOrThrow(infra.db, questId);
    if (PUBLIC_QUEST_STATUSES.includes(row.status as QuestStatus)) return present(row);
    if (actor && row.proposedBy === actor.userId) return present(row);
    try {
      if (!actor) throw notFound('quest');
      await deps.authorise(actor, 'officer', row.areaId);
    } catch {
      // Hidden quests are indistinguishable from missing ones for everybody else.
      throw notFound('quest');
    }
    return present(row);
  }

  async function mapPage(
    actor: Actor | null,
    areaSlug: string,
    query: QuestListQuery,
  ): Promise<QuestPage> {
    const areaId = await deps.areas.idOfSlug(areaSlug);
    if (query.status && !PUBLIC_QUEST_STATUSES.includes(query.status)) {
      if (!actor)
        throw new AppError('unauthenticated', 'sign in as an officer to see these quests');
      await deps.authorise(actor, 'officer', areaId);
    }
    const after = query.cursor ? decodeCursor(ZMapCursor, query.cursor) : undefined;
    const rows = await repo.listMapPage(infra.db, {
      areaId,
      statuses: query.status ? [query.status] : PUBLIC_QUEST_STATUSES,
      bbox: query.bbox,
      superpower: query.superpower,
      after: after && { lng: after[0], lat: after[1], id: after[2] },
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await presentMany(page),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.lng, last.lat, last.id]) : null,
    };
  }

  async function managePage(areaSlug: string, query: ManageQuestsQuery): Promise<QuestPage> {
    const areaId = await deps.areas.idOfSlug(areaSlug);
    const before = query.cursor ? decodeCursor(ZManageCursor, query.cursor) : undefined;
    const rows = await repo.listManagePage(infra.db, {
      areaId,
      status: query.status,
      before: before && { createdAt: new Date(before[0]), id: before[1] },
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: await presentMany(page),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([last.createdAt.toISOString(), last.id])
          : null,
    };
  }

  return {
    create,
    update,
    transition,
    approve,
    reject,
    propose,
    join,
    leave,
    myQuests,
    view,
    mapPage,
    managePage,
    proposals: (areaSlug: string, query: Omit<ManageQuestsQuery, 'status'>) =>
      managePage(areaSlug, { ...query, status: 'proposed' }),
    /** The lifecycle job definitions, for allJobs. */
    applyOverdueMoves,
    lifecycleJobs: jobs,
    jobs: [jobs.activate, jobs.close, overdueJob],
    /** 404 when missing. */
    get: async (questId: string) => present(await rowOrThrow(infra.db, questId)),
    areaIdOf: async (questId: string) => (await rowOrThrow(infra.db, questId)).areaId,
    participationFor: async (questId: string, userId: string) => {
      const p = await repo.findParticipation(infra.db, questId, userId);
      return p ? { id: p.id, status: p.status as ParticipationStatus, teamId: p.teamId } : null;
    },
    /** For evidence (E): moves a participation inside the caller's transaction. */
    setParticipationStatus: (
      tx: DbOrTx,
      participationId: string,
      status: 'submitted' | 'completed' | 'joined',
    ) => repo.setParticipationStatus(tx, participationId, status),
    /** The same for many participations in one statement (the verifier's group commit). */
    setParticipationStatuses: (
      tx: DbOrTx,
      participationIds: readonly string[],
      status: 'submitted' | 'completed' | 'joined',
    ) => repo.setParticipationStatuses(tx, participationIds, status),
    completionsOf: async (questId: string) =>
      (await repo.completionCounts(infra.db, [questId])).get(questId) ?? 0,
  };
}
export type QuestsService = ReturnType<typeof createQuestsService>;
