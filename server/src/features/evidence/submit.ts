/**
 * Upload: a resident's evidence is checked against the quest, its photo decoded and stored,
 * the row written with the participation moved to `submitted`, and verification queued.
 */
import { randomUUID } from 'node:crypto';
import {
  judgeCaptureTime,
  missingParts,
  type Quest,
  type SubmitEvidenceForm,
  type SubmitEvidenceResponse,
  type VerifyEvidenceJob,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { JobDefinition } from '../../jobs/registry';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { processPhoto } from '../verification/photo';
import { verifyJobId } from './jobs';
import type { ParticipationRef, QuestAccess, StoredExif } from './model';
import * as repo from './repo';
import { photoKeyFor, type BlobStorage } from './storage';

export interface SubmitInput {
  userId: string;
  questId: string;
  form: SubmitEvidenceForm;
  photo: Buffer | null;
}

export interface SubmitDeps {
  quests: Pick<QuestAccess, 'participationIn' | 'setParticipationStatuses'>;
  storage: BlobStorage;
  verifyJob: JobDefinition<VerifyEvidenceJob>;
  /** Refuses an account whose evidence is suspended in the quest's area (strikes). */
  assertMaySubmit: (userId: string, areaId: string) => Promise<void>;
}

type Photo = Awaited<ReturnType<typeof processPhoto>>;

/** Open for evidence: active (or reopened) and inside its time window, by the server's clock. */
function assertOpenForEvidence(quest: Quest, now: Date): void {
  const refuse = (message: string) =>
    new AppError('conflict', `questId: ${message}`, { issues: [{ path: 'questId', message }] });
  if (quest.status === 'closed' || quest.status === 'archived' || now > new Date(quest.endsAt))
    throw refuse('this quest has closed');
  if (quest.status === 'published' || now < new Date(quest.startsAt))
    throw refuse('this quest has not started yet');
  // A reopened quest takes evidence again, like an active one.
  if (quest.status !== 'active' && quest.status !== 'reopened') throw notFound('quest');
}

/** Where offline evidence was captured on our clock, judged by rules/verification/offline. */
export interface Capture {
  capturedAt: Date;
  clockOffsetMs: number;
}

/**
 * Evidence sent from a phone's offline queue carries `sentAt`; its capture time is the
 * earliest device time it names, corrected by the phone's clock offset and refused with the
 * reason when outside the published bounds. Live evidence (no `sentAt`) has no capture.
 */
function captureOf(form: SubmitEvidenceForm, receivedAt: Date): Capture | null {
  if (!form.sentAt) return null;
  const deviceTimes = [form.capturedAt, form.checkin?.deviceTime, form.sentAt]
    .filter((t): t is string => t !== undefined)
    .map((t) => Date.parse(t));
  const judged = judgeCaptureTime({
    capturedAt: new Date(Math.min(...deviceTimes)),
    sentAt: new Date(form.sentAt),
    receivedAt,
  });
  if (!judged.ok) throw AppError.field('capturedAt', judged.reason);
  return { capturedAt: judged.capturedAt, clockOffsetMs: judged.clockOffsetMs };
}

function assertMayParticipate(
  participation: ParticipationRef | undefined,
): asserts participation is ParticipationRef {
  if (!participation || participation.status === 'left')
    throw forbidden('join this quest before sending evidence for it');
  if (participation.status === 'completed')
    throw new AppError('conflict', 'you have already completed this quest');
}

function assertComplete(quest: Quest, input: SubmitInput): void {
  const missing = missingParts(quest.evidenceRules, {
    checkin: !!input.form.checkin,
    photo: input.photo !== null,
    text: !!input.form.text,
  });
  if (missing.length) {
    throw new AppError('validation', missing.map((i) => `${i.path}: ${i.message}`).join('; '), {
      issues: missing,
    });
  }
}

export function createSubmission(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'logger'>,
  deps: SubmitDeps,
) {
  const { storage } = deps;

  async function submit(input: SubmitInput): Promise<SubmitEvidenceResponse> {
    const { quest, participations } = await deps.quests.participationIn(input.questId, [
      input.userId,
    ]);
    const now = infra.clock.now();
    const capture = captureOf(input.form, now);
    assertOpenForEvidence(quest, capture?.capturedAt ?? now);
    const participation = participations.get(input.userId);
    assertMayParticipate(participation);
    await deps.assertMaySubmit(input.userId, quest.areaId);
    assertComplete(quest, input);
    // Decoded and re-encoded before anything is stored: a bad file leaves no trace.
    const photo = input.photo ? await processPhoto(input.photo) : null;
    const evidenceId = randomUUID();
    const photoKey = photo ? photoKeyFor(evidenceId) : null;
    if (photo && photoKey) await storage.put(photoKey, photo.jpeg);
    try {
      await insertPending(evidenceId, quest, participation, input, photo, photoKey, now, capture);
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
    participation: ParticipationRef,
    input: SubmitInput,
    photo: Photo | null,
    photoKey: string | null,
    now: Date,
    capture: Capture | null,
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
        capturedAt: capture?.capturedAt ?? null,
        deviceClockOffsetMs: capture?.clockOffsetMs ?? null,
      });
      await deps.quests.setParticipationStatuses(tx, [participation.id], 'submitted');
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
        deps.verifyJob,
        { evidenceId, trigger: 'submitted' },
        { jobId: verifyJobId(evidenceId) },
      );
    } catch (err) {
      infra.logger.error({ err, evidenceId }, 'could not queue verification; undoing upload');
      await infra.db.transaction(async (tx) => {
        await repo.deletePendingEvidence(tx, evidenceId);
        await deps.quests.setParticipationStatuses(tx, [participationId], 'joined');
      });
      if (photoKey) await storage.delete(photoKey);
      throw new AppError('unavailable', 'we could not start checking your evidence; try again');
    }
  }

  return { submit };
}
