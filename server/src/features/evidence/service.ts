/**
 * Evidence: upload, verification (the worker's job), attestations, the officer review
 * queue, and the single place where an outcome is committed and XP is paid.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import {
  rooms,
  type AreaRole,
  type CheckResult,
  type Evidence,
  type EvidenceStatus,
  type Quest,
  type ReviewDecisionRequest,
  type SubmitEvidenceForm,
  type SubmitEvidenceResponse,
  type VerifyEvidenceJob,
} from '@govcraft/shared';
import {
  verifyEvidence,
  type VerificationInput,
  type VerificationOutcome,
} from '@govcraft/shared/rules/verification';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../http/route';
import type { EvidenceDecidedFact, XpAwardedFact } from '../../lib/domain-events';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { groupCommit } from '../../lib/group-commit';
import type { AuditService } from '../audit/service';
import type { ProgressService } from '../progress/service';
import { processPhoto } from '../verification/photo';
import {
  attestationJobId,
  REQUEUE_SWEEP_EVERY_MS,
  requeueJobId,
  requeueStaleEvidenceJob,
  verifyEvidenceJob,
  verifyJobId,
} from './jobs';
import * as repo from './repo';
import { createLocalStorage, photoKeyFor, type BlobStorage } from './storage';

type ParticipationStatus = 'joined' | 'submitted' | 'completed' | 'left';

/** What evidence needs from the quests feature. */
export interface QuestAccess {
  get(questId: string): Promise<Quest>;
  participationFor(
    questId: string,
    userId: string,
  ): Promise<{ id: string; status: ParticipationStatus; teamId: string | null } | null>;
  setParticipationStatus(
    tx: DbOrTx,
    participationId: string,
    status: 'submitted' | 'completed' | 'joined',
  ): Promise<void>;
  setParticipationStatuses(
    tx: DbOrTx,
    participationIds: readonly string[],
    status: 'completed' | 'joined',
  ): Promise<void>;
}

export type TeamOf = (
  areaId: string,
  userId: string,
) => Promise<{ teamId: string; name: string; memberIds: string[] } | null>;

export interface EvidenceDeps {
  quests: QuestAccess;
  teamOf: TeamOf;
  progress: Pick<ProgressService, 'awardMany' | 'announce'>;
  audit: AuditService;
  authorise(actor: Actor, role: AreaRole, areaId: string): Promise<void>;
  /** Defaults to files under DATA_DIR/uploads. */
  storage?: BlobStorage;
}

export interface SubmitInput {
  userId: string;
  questId: string;
  form: SubmitEvidenceForm;
  photo: Buffer | null;
}

interface StoredCheckin {
  lat: number;
  lng: number;
  accuracyM: number;
  deviceTime: string;
}
interface StoredExif {
  takenAt: string | null;
  lat: number | null;
  lng: number | null;
  hasExif: boolean;
}

type Outcome = Omit<VerificationOutcome, 'status'> & { status: EvidenceStatus };

const OPEN_STATUSES: EvidenceStatus[] = ['pending', 'needs_review'];
const REVIEWABLE: EvidenceStatus[] = ['needs_review', 'pending'];
const QUEST_CACHE_MS = 2_000;
/** Enough to keep a transaction short while amortising it over a busy worker's jobs. */
const MAX_VERIFICATION_GROUP = 64;
/** Never judged after this long: its job is presumed lost (a healthy queue takes seconds). */
const STALE_AFTER_MS = 10 * 60_000;
const REQUEUE_BATCH = 1000;

export const photoUrlOf = (evidenceId: string) => `/api/evidence/${evidenceId}/photo`;

/** The parts a quest's rules demand that the resident did not send, as 400 issues. */
export function missingParts(quest: Quest, form: SubmitEvidenceForm, hasPhoto: boolean) {
  const rules = quest.evidenceRules;
  const issues: { path: string; message: string }[] = [];
  if (rules.checkin && !form.checkin)
    issues.push({ path: 'checkin', message: 'this quest needs a check-in at the spot' });
  if (rules.photo && !hasPhoto) issues.push({ path: 'photo', message: 'this quest needs a photo' });
  if (rules.text && !form.text) issues.push({ path: 'text', message: 'this quest needs a note' });
  return issues;
}

/** Open for evidence: active and inside its time window, by the server's clock. */
function assertOpenForEvidence(quest: Quest, now: Date): void {
  const refuse = (message: string) =>
    new AppError('conflict', `questId: ${message}`, { issues: [{ path: 'questId', message }] });
  if (quest.status === 'closed' || quest.status === 'archived' || now > new Date(quest.endsAt))
    throw refuse('this quest has closed');
  if (quest.status === 'published' || now < new Date(quest.startsAt))
    throw refuse('this quest has not started yet');
  if (quest.status !== 'active') throw notFound('quest');
}

function assertMayParticipate(
  participation: { status: ParticipationStatus } | null,
): asserts participation is { id: string; status: ParticipationStatus; teamId: string | null } {
  if (!participation || participation.status === 'left')
    throw forbidden('join this quest before sending evidence for it');
  if (participation.status === 'completed')
    throw new AppError('conflict', 'you have already completed this quest');
}

/**
 * Runs the pure verifier; when the only thing missing is neighbours' attestations, the
 * evidence stays `pending` (waiting, with a reason) instead of going to an officer.
 */
export function judge(input: VerificationInput): Outcome {
  const outcome = verifyEvidence(input);
  const needed = input.quest.rules.attestations;
  if (input.officerDecision !== null || input.attestations >= needed) return outcome;
  const ifVouched = verifyEvidence({ ...input, attestations: needed });
  if (ifVouched.status === 'rejected') return outcome;
  const missing = needed - input.attestations;
  return {
    ...outcome,
    status: 'pending',
    reasons: [
      `Waiting for ${missing} more ${missing === 1 ? 'resident' : 'residents'} to vouch for this.`,
    ],
  };
}

export function createEvidenceService(infra: Infra, deps: EvidenceDeps) {
  const storage = deps.storage ?? createLocalStorage(path.join(infra.config.DATA_DIR, 'uploads'));
  const verifyJob = verifyEvidenceJob((payload) => verify(payload));

  function toView(row: repo.EvidenceRow, attestations: number, needed: number): Evidence {
    const checkin = row.checkin as StoredCheckin | null;
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
      checkin,
      text: row.text,
      photoUrl: row.photoKey ? photoUrlOf(row.id) : null,
      attestations,
      attestationsNeeded: needed,
      submittedAt: row.submittedAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
    };
  }

  async function rowOrThrow(evidenceId: string): Promise<repo.EvidenceRow> {
    const row = await repo.findEvidence(infra.db, evidenceId);
    if (!row) throw notFound('evidence');
    return row;
  }

  // ---- upload --------------------------------------------------------------------

  async function submit(input: SubmitInput): Promise<SubmitEvidenceResponse> {
    const quest = await deps.quests.get(input.questId);
    const now = infra.clock.now();
    assertOpenForEvidence(quest, now);
    const participation = await deps.quests.participationFor(quest.id, input.userId);
    assertMayParticipate(participation);
    const missing = missingParts(quest, input.form, input.photo !== null);
    if (missing.length) {
      throw new AppError('validation', missing.map((i) => `${i.path}: ${i.message}`).join('; '), {
        issues: missing,
      });
    }
    // Decoded and re-encoded before anything is stored: a bad file leaves no trace.
    const photo = input.photo ? await processPhoto(input.photo) : null;
    const evidenceId = randomUUID();
    const photoKey = photo ? photoKeyFor(evidenceId) : null;
    if (photo && photoKey) await storage.put(photoKey, photo.jpeg);
    try {
      await insertPending(evidenceId, quest, participation, input, photo, photoKey, now);
    } catch (err) {
      if (photoKey) await storage.delete(photoKey);
      if (repo.isUniqueViolation(err, 'evidence_open_per_participation_uq')) {
        throw new AppError(
          'conflict',
          'you already sent evidence for this quest; wait for its result before sending more',
        );
      }
      throw err;
    }
    await enqueueOrUndo(evidenceId, participation.id, photoKey);
    return { evidenceId, status: 'pending' };
  }

  async function insertPending(
    evidenceId: string,
    quest: Quest,
    participation: { id: string; teamId: string | null },
    input: SubmitInput,
    photo: Awaited<ReturnType<typeof processPhoto>> | null,
    photoKey: string | null,
    now: Date,
  ): Promise<void> {
    const exif: StoredExif | null = photo
      ? { ...photo.exif, takenAt: photo.exif.takenAt?.toISOString() ?? null }
      : null;
    await infra.db.transaction(async (tx) => {
      await repo.insertEvidence(tx, {
        id: evidenceId,
        areaId: quest.areaId,
        questId: quest.id,
        participationId: participation.id,
        userId: input.userId,
        teamId: participation.teamId,
        status: 'pending',
        checkin: input.form.checkin ?? null,
        photoKey,
        photoHash: photo?.hash ?? null,
        photoExif: exif,
        text: input.form.text ?? null,
        submittedAt: now,
      });
      await deps.quests.setParticipationStatus(tx, participation.id, 'submitted');
    });
  }

  /** Redis and PostgreSQL cannot share a transaction: if queueing fails, undo the row. */
  async function enqueueOrUndo(
    evidenceId: string,
    participationId: string,
    photoKey: string | null,
  ) {
    try {
      await infra.jobs.add(
        verifyJob,
        { evidenceId, trigger: 'submitted' },
        { jobId: verifyJobId(evidenceId) },
      );
    } catch (err) {
      infra.logger.error({ err, evidenceId }, 'could not queue verification; undoing upload');
      await infra.db.transaction(async (tx) => {
        await repo.deletePendingEvidence(tx, evidenceId);
        await deps.quests.setParticipationStatus(tx, participationId, 'joined');
      });
      if (photoKey) await storage.delete(photoKey);
      throw new AppError('unavailable', 'we could not start checking your evidence; try again');
    }
  }

  // ---- verification ----------------------------------------------------------------

  function verificationInput(
    loaded: repo.LoadedForVerification,
    quest: Quest,
    officerDecision: 'approve' | 'reject' | null,
  ): VerificationInput {
    const row = loaded.evidence;
    const checkin = row.checkin as StoredCheckin | null;
    const exif = row.photoExif as StoredExif | null;
    const previous = loaded.previous?.checkin as StoredCheckin | undefined;
    return {
      quest: {
        lat: quest.location.lat,
        lng: quest.location.lng,
        radiusM: quest.location.radiusM,
        startsAt: new Date(quest.startsAt),
        endsAt: new Date(quest.endsAt),
        rules: quest.evidenceRules,
      },
      receivedAt: row.submittedAt,
      checkin: checkin ? { ...checkin, deviceTime: new Date(checkin.deviceTime) } : null,
      photo:
        row.photoHash || exif
          ? {
              takenAt: exif?.takenAt ? new Date(exif.takenAt) : null,
              lat: exif?.lat ?? null,
              lng: exif?.lng ?? null,
              hasExif: exif?.hasExif ?? false,
              nearestHashDistance: loaded.nearestHashDistance,
            }
          : null,
      text: row.text,
      previousCheckin:
        loaded.previous && previous
          ? { lat: previous.lat, lng: previous.lng, at: loaded.previous.submittedAt }
          : null,
      attestations: loaded.attestations,
      officerDecision,
    };
  }

  // Quests change rarely while evidence for them is checked; a few seconds of staleness
  // saves two queries per verification.
  const questCache = new Map<string, { quest: Quest; until: number }>();
  async function questForVerification(questId: string): Promise<Quest> {
    const now = Date.now();
    const hit = questCache.get(questId);
    if (hit && hit.until > now) return hit.quest;
    const quest = await deps.quests.get(questId);
    if (questCache.size > 1000) questCache.clear();
    questCache.set(questId, { quest, until: now + QUEST_CACHE_MS });
    return quest;
  }

  /** Who a verified evidence pays: the whole team for a team quest, else the submitter. */
  async function recipientsOf(row: repo.EvidenceRow, quest: Quest) {
    const submitter = [
      { userId: row.userId, teamId: row.teamId, participationId: row.participationId },
    ];
    if (quest.teamSize === null || !row.teamId) return submitter;
    const team = await deps.teamOf(row.areaId, row.userId);
    if (!team || team.teamId !== row.teamId) return submitter;
    const others = await Promise.all(
      team.memberIds
        .filter((id) => id !== row.userId)
        .map(async (userId) => {
          const p = await deps.quests.participationFor(quest.id, userId);
          return {
            userId,
            teamId: row.teamId,
            participationId: p && p.status !== 'left' ? p.id : null,
          };
        }),
    );
    return [...submitter, ...others];
  }

  interface Review {
    reviewerId: string;
    decision: 'approve' | 'reject';
    reason: string;
  }

  /** One evidence's judged outcome on its way to the database. */
  interface Judged {
    row: repo.EvidenceRow;
    quest: Quest;
    outcome: Outcome;
    review: Review | null;
  }

  function decisionOf({ row, outcome, review }: Judged, now: Date): repo.DecisionWrite {
    const statusReason =
      outcome.status === 'verified'
        ? null
        : review?.decision === 'reject'
          ? review.reason
          : outcome.reasons.join(' ') || null;
    return {
      id: row.id,
      from: review ? REVIEWABLE : ['pending'],
      decision: {
        status: outcome.status,
        checks: outcome.checks,
        score: outcome.score,
        statusReason,
        decidedAt: outcome.status === 'pending' ? null : now,
        ...(review ? { reviewerId: review.reviewerId, reviewReason: review.reason } : {}),
      },
    };
  }

  /**
   * The one place outcomes are written: status (only from an allowed state, so repeats do
   * nothing), ledger rows when verified, participations, and the audit row for an officer's
   * decision, all in one transaction whether it holds one evidence or a worker's whole group.
   * Announcements go out after the commit. Answers the saved row per input, null where the
   * evidence had already been decided.
   */
  async function commitOutcomes(items: readonly Judged[]): Promise<(repo.EvidenceRow | null)[]> {
    if (items.length === 0) return [];
    const recipients = await Promise.all(
      items.map((j) => (j.outcome.status === 'verified' ? recipientsOf(j.row, j.quest) : [])),
    );
    const now = infra.clock.now();
    let facts: XpAwardedFact[] = [];
    const saved = await infra.db.transaction(async (tx) => {
      const rows = await repo.recordDecisions(
        tx,
        items.map((j) => decisionOf(j, now)),
      );
      const savedById = new Map(rows.map((r) => [r.id, r]));
      const changed = items.flatMap((judged, i) => {
        const row = savedById.get(judged.row.id);
        return row ? [{ judged, row, recipients: recipients[i]! }] : [];
      });
      for (const { judged, row } of changed) {
        if (!judged.review) continue;
        await deps.audit.record(tx, {
          areaId: row.areaId,
          actorId: judged.review.reviewerId,
          action: 'evidence.review',
          entityType: 'evidence',
          entityId: row.id,
          before: { status: judged.row.status },
          after: {
            status: row.status,
            decision: judged.review.decision,
            reason: judged.review.reason,
          },
        });
      }
      const verified = changed.filter((c) => c.row.status === 'verified');
      facts = await deps.progress.awardMany(
        tx,
        verified.map(({ judged, recipients: paid }) => ({
          evidenceId: judged.row.id,
          questId: judged.quest.id,
          areaId: judged.row.areaId,
          xp: judged.quest.xp,
          superpowers: judged.quest.superpowers,
          recipients: paid,
          reason: judged.review ? 'approved by an officer' : 'verified by checks',
        })),
      );
      await deps.quests.setParticipationStatuses(
        tx,
        verified.flatMap((c) => c.recipients.flatMap((r) => r.participationId ?? [])),
        'completed',
      );
      // Not accepted: the resident may try again with better evidence.
      await deps.quests.setParticipationStatuses(
        tx,
        changed.filter((c) => c.row.status === 'rejected').map((c) => c.row.participationId),
        'joined',
      );
      return items.map((j) => savedById.get(j.row.id) ?? null);
    });
    await announce(
      saved.filter((row) => row !== null),
      facts,
    );
    return saved;
  }

  async function announce(rows: repo.EvidenceRow[], facts: XpAwardedFact[]): Promise<void> {
    const decided: EvidenceDecidedFact[] = [];
    for (const row of rows) {
      const status = row.status as EvidenceStatus;
      const event = {
        evidenceId: row.id,
        questId: row.questId,
        status,
        checks: (row.checks as CheckResult[] | null) ?? [],
        score: row.score,
        reason: row.statusReason,
      };
      infra.io.to(rooms.user(row.userId)).emit('evidence:status', event);
      if (row.teamId) infra.io.to(rooms.team(row.teamId)).emit('evidence:status', event);
      if (status !== 'pending') {
        decided.push({
          evidenceId: row.id,
          questId: row.questId,
          areaId: row.areaId,
          userId: row.userId,
          status,
        });
      }
    }
    await Promise.all([
      deps.progress.announce(facts),
      decided.length > 0 ? infra.events.publish('evidence.decided', decided) : undefined,
    ]);
  }

  /**
   * Verifies a group of evidence: one query loads them all, each is judged by the pure
   * rules, one transaction commits every outcome. An id named twice (a first run and an
   * attestation re-run meeting in one group) is judged once, on its latest state.
   */
  async function verifyMany(evidenceIds: readonly string[]): Promise<{ status: string }[]> {
    const loaded = await repo.loadManyForVerification(infra.db, [...new Set(evidenceIds)]);
    const loadedById = new Map(loaded.map((l) => [l.evidence.id, l]));
    const judged = await Promise.all(
      loaded
        .filter((l) => l.evidence.status === 'pending')
        .map(async (l): Promise<Judged> => {
          const quest = await questForVerification(l.evidence.questId);
          const outcome = judge(verificationInput(l, quest, null));
          return { row: l.evidence, quest, outcome, review: null };
        }),
    );
    const saved = await commitOutcomes(judged);
    const statusById = new Map(
      judged.map((j, i) => [j.row.id, saved[i]?.status ?? 'already-decided']),
    );
    return evidenceIds.map((id) => {
      const l = loadedById.get(id);
      // Gone (upload undone, account erased with its quest) or already decided: nothing to do.
      if (!l) return { status: 'missing' };
      return { status: statusById.get(id) ?? l.evidence.status };
    });
  }

  // Jobs that arrive while a group commits wait for the next group (see lib/group-commit).
  const verifyInGroups = groupCommit(verifyMany, {
    maxGroup: MAX_VERIFICATION_GROUP,
    maxInFlight: 2,
  });

  /** The worker's job: verify one evidence. Safe to run any number of times. */
  async function verify(payload: VerifyEvidenceJob): Promise<{ status: string }> {
    return verifyInGroups(payload.evidenceId);
  }

  /**
   * Queues again the evidence submitted before `now - STALE_AFTER_MS` that was never judged.
   * Job ids carry the sweep round, so two nodes sweeping at once queue each evidence once.
   */
  async function requeueStale(now: Date = infra.clock.now()): Promise<{ requeued: number }> {
    const before = new Date(now.getTime() - STALE_AFTER_MS);
    const ids = await repo.listNeverJudged(infra.db, before, REQUEUE_BATCH);
    const round = Math.floor(now.getTime() / REQUEUE_SWEEP_EVERY_MS);
    for (const evidenceId of ids) {
      await infra.jobs.add(
        verifyJob,
        { evidenceId, trigger: 'requeue' },
        { jobId: requeueJobId(evidenceId, round) },
      );
    }
    if (ids.length > 0)
      infra.logger.warn({ requeued: ids.length }, 'queued verification again for stale evidence');
    return { requeued: ids.length };
  }
  const requeueJob = requeueStaleEvidenceJob(() => requeueStale());

  // ---- people reading and vouching --------------------------------------------------

  /** Owner, team-mates and the area's officers may see an evidence and its photo. */
  async function readableRow(actor: Actor, evidenceId: string): Promise<repo.EvidenceRow> {
    const row = await rowOrThrow(evidenceId);
    if (row.userId === actor.userId) return row;
    if (row.teamId && (await deps.teamOf(row.areaId, actor.userId))?.teamId === row.teamId)
      return row;
    try {
      await deps.authorise(actor, 'officer', row.areaId);
      return row;
    } catch {
      // Not theirs to see; answer as if it did not exist.
      throw notFound('evidence');
    }
  }

  async function viewOf(row: repo.EvidenceRow, quest?: Quest): Promise<Evidence> {
    const q = quest ?? (await deps.quests.get(row.questId));
    const n = await repo.countAttestations(infra.db, row.id);
    return toView(row, n, q.evidenceRules.attestations);
  }

  async function get(actor: Actor, evidenceId: string): Promise<Evidence> {
    return viewOf(await readableRow(actor, evidenceId));
  }

  async function photo(actor: Actor, evidenceId: string): Promise<Buffer> {
    const row = await readableRow(actor, evidenceId);
    const bytes = row.photoKey ? await storage.get(row.photoKey) : null;
    if (!bytes) throw notFound('photo');
    return bytes;
  }

  async function attest(userId: string, evidenceId: string) {
    const row = await rowOrThrow(evidenceId);
    if (row.userId === userId) throw forbidden('you cannot vouch for your own evidence');
    if (row.teamId && (await deps.teamOf(row.areaId, userId))?.teamId === row.teamId)
      throw forbidden("you cannot vouch for your own team's evidence");
    if (!OPEN_STATUSES.includes(row.status as EvidenceStatus))
      throw new AppError('conflict', `this evidence has already been decided (${row.status})`);
    const quest = await deps.quests.get(row.questId);
    const added = await repo.insertAttestation(infra.db, evidenceId, userId);
    const n = await repo.countAttestations(infra.db, evidenceId);
    if (added && row.status === 'pending') {
      await infra.jobs.add(
        verifyJob,
        { evidenceId, trigger: 'attestation' },
        { jobId: attestationJobId(evidenceId, n) },
      );
    }
    return { evidenceId, attestations: n, attestationsNeeded: quest.evidenceRules.attestations };
  }

  async function mine(userId: string) {
    const rows = await repo.listForUser(infra.db, userId, 200);
    const counts = await repo.attestationCounts(
      infra.db,
      rows.map((r) => r.id),
    );
    const quests = new Map<string, Quest>();
    const items: Evidence[] = [];
    for (const row of rows) {
      const quest =
        quests.get(row.questId) ?? (await deps.quests.get(row.questId).catch(() => null));
      if (quest) quests.set(quest.id, quest);
      items.push(toView(row, counts.get(row.id) ?? 0, quest?.evidenceRules.attestations ?? 0));
    }
    return { items };
  }

  // ---- officers ----------------------------------------------------------------------

  async function reviewQueue(areaId: string, limit: number) {
    const rows = await repo.listForReview(infra.db, areaId, limit);
    const counts = await repo.attestationCounts(
      infra.db,
      rows.map((r) => r.evidence.id),
    );
    const quests = new Map<string, Quest>();
    const items = [];
    for (const { evidence: row, submitterName } of rows) {
      const quest = quests.get(row.questId) ?? (await deps.quests.get(row.questId));
      quests.set(quest.id, quest);
      items.push({
        ...toView(row, counts.get(row.id) ?? 0, quest.evidenceRules.attestations),
        questTitle: quest.title,
        quest: quest.location,
        submitterName,
      });
    }
    return { items };
  }

  async function review(reviewerId: string, evidenceId: string, input: ReviewDecisionRequest) {
    const loaded = await repo.loadForVerification(infra.db, evidenceId);
    if (!loaded) throw notFound('evidence');
    const row = loaded.evidence;
    const alreadyDecided = () =>
      new AppError('conflict', `this evidence has already been decided (${row.status})`);
    if (!REVIEWABLE.includes(row.status as EvidenceStatus)) throw alreadyDecided();
    const quest = await deps.quests.get(row.questId);
    const outcome = judge(verificationInput(loaded, quest, input.decision));
    const [saved] = await commitOutcomes([
      { row, quest, outcome, review: { reviewerId, ...input } },
    ]);
    if (!saved) throw alreadyDecided();
    return viewOf(saved, quest);
  }

  async function failedJobs(limit: number) {
    const perQueue = await Promise.all(
      infra.jobs.allQueues().map(async (queue) => {
        const jobs = await queue.getFailed(0, limit - 1);
        return jobs.map((job) => ({
          queue: queue.name,
          id: String(job.id),
          name: job.name,
          failedReason: job.failedReason ?? '',
          attemptsMade: job.attemptsMade,
          data: job.data as unknown,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        }));
      }),
    );
    const items = perQueue
      .flat()
      .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
      .slice(0, limit);
    return { items };
  }

  // ---- personal data -------------------------------------------------------------------

  /** Account deletion: photos leave storage; text, check-in and camera details are nulled. */
  async function erasePersonalData(tx: DbOrTx, userId: string): Promise<void> {
    const keys = await repo.photoKeysOfUser(tx, userId);
    await repo.erasePersonalContent(tx, userId);
    await Promise.all(keys.map((key) => storage.delete(key)));
  }

  async function exportFor(userId: string) {
    return (await mine(userId)).items;
  }

  return {
    submit,
    verify,
    get,
    photo,
    attest,
    mine,
    reviewQueue,
    review,
    failedJobs,
    erasePersonalData,
    exportFor,
    /** Area of an evidence, for route guards; 404 when missing. */
    areaOf: async (evidenceId: string) => (await rowOrThrow(evidenceId)).areaId,
    requeueStale,
    verifyJob,
    jobs: [verifyJob, requeueJob],
    storage,
    uploadMaxBytes: infra.config.UPLOAD_MAX_BYTES,
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
