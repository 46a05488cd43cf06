/**
 * A resident reports a completed quest not fixed: inside the window, not their own (or
 * their team's) completion, once per round, with a check-in and/or a photo. The report is
 * stored with the reporter's reputation weight at that moment and queued for checking.
 */
import { randomUUID } from 'node:crypto';
import type { NotFixedReportForm, NotFixedReportResponse } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { JobDefinition } from '../../jobs/registry';
import { AppError, forbidden } from '../../lib/errors';
import { processPhoto } from '../verification/photo';
import { verifyReportJobId, type VerifyReportJob } from './jobs';
import { reportPhotoKey, type EvidencePort, type QuestsPort, type TeamOf } from './model';
import * as repo from './repo';

export interface ReportInput {
  userId: string;
  questId: string;
  form: NotFixedReportForm;
  photo: Buffer | null;
}

export interface SubmitReportDeps {
  quests: Pick<QuestsPort, 'notFixedState'>;
  evidence: EvidencePort;
  teamOf: TeamOf;
  verifyJob: JobDefinition<VerifyReportJob>;
}

const refuse = (message: string) =>
  new AppError('conflict', `questId: ${message}`, { issues: [{ path: 'questId', message }] });

export function createReportSubmission(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'logger'>,
  deps: SubmitReportDeps,
) {
  const { storage } = deps.evidence;

  async function checkReporter(
    state: Awaited<ReturnType<SubmitReportDeps['quests']['notFixedState']>>,
    userId: string,
  ) {
    if (state.completerIds.includes(userId))
      throw forbidden('you completed this quest, so you cannot report it not fixed');
    if (state.completerTeamIds.length > 0) {
      const team = await deps.teamOf(state.quest.areaId, userId);
      if (team && state.completerTeamIds.includes(team.teamId))
        throw forbidden('your team completed this quest, so you cannot report it not fixed');
    }
  }

  async function report(input: ReportInput): Promise<NotFixedReportResponse> {
    const state = await deps.quests.notFixedState(input.questId);
    const now = infra.clock.now();
    if (!state.reportable || !state.completedAt || !state.until) {
      throw refuse(
        state.quest.status === 'reopened'
          ? 'this quest has already been reopened; it is waiting to be done again'
          : 'this quest has no verified completion to report as not fixed',
      );
    }
    if (now > state.until) {
      throw refuse(
        `the window for reporting this quest not fixed closed at ${state.until.toISOString()} (${state.quest.reopenWindowDays} days after its completion); ask an officer to reopen it`,
      );
    }
    await checkReporter(state, input.userId);
    if (!input.form.checkin && !input.photo) {
      throw new AppError('validation', 'send a check-in or a photo showing it is not fixed', {
        issues: [
          { path: 'checkin', message: 'check in at the spot, or send a photo' },
          { path: 'photo', message: 'send a photo, or check in at the spot' },
        ],
      });
    }
    const { weight } = await deps.evidence.reputationOf(input.userId);
    const photo = input.photo ? await processPhoto(input.photo) : null;
    const reportId = randomUUID();
    const photoKey = photo ? reportPhotoKey(reportId) : null;
    if (photo && photoKey) await storage.put(photoKey, photo.jpeg);
    const row = await repo.insertReport(infra.db, {
      id: reportId,
      questId: state.quest.id,
      areaId: state.quest.areaId,
      userId: input.userId,
      round: state.round,
      status: 'pending',
      weight,
      checkin: input.form.checkin ?? null,
      photoKey,
      photoHash: photo?.hash ?? null,
      photoExif: photo
        ? { ...photo.exif, takenAt: photo.exif.takenAt?.toISOString() ?? null }
        : null,
      note: input.form.note ?? null,
      submittedAt: now,
    });
    if (!row) {
      if (photoKey) await storage.delete(photoKey);
      throw new AppError('conflict', 'you have already reported this quest not fixed');
    }
    await enqueueOrUndo(reportId, photoKey);
    return { reportId, status: 'pending', weight };
  }

  /** Redis and PostgreSQL cannot share a transaction: if queueing fails, undo the report. */
  async function enqueueOrUndo(reportId: string, photoKey: string | null) {
    try {
      await infra.jobs.add(deps.verifyJob, { reportId }, { jobId: verifyReportJobId(reportId) });
    } catch (err) {
      infra.logger.error({ err, reportId }, 'could not queue the report check; undoing it');
      await repo.deleteReport(infra.db, reportId);
      if (photoKey) await storage.delete(photoKey);
      throw new AppError('unavailable', 'we could not start checking your report; try again');
    }
  }

  return { report };
}
