/**
 * Officers decide submitted pitches. Approving allocates the budget in the money ledger and
 * starts a quest led by the organisation (made through the quests service in the same
 * transaction); asking for changes sends the pitch back to draft with the officer's note;
 * declining closes it with a public reason. Every decision writes its audit row in the
 * same transaction; the deadline job follows the commit.
 */
import type { PitchDecisionRequest } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import { systemActor } from '../accounts/actor';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { QuestsService } from '../quests/service';
import { pitchDeadlineJobId, type createPitchJobs } from './jobs';
import { presentPitch } from './present';
import * as repo from './repo';

export interface DecisionDeps {
  areas: Pick<AreasService, 'idOfSlug'>;
  audit: Pick<AuditService, 'record'>;
  quests: Pick<QuestsService, 'importQuest' | 'afterImport'>;
  jobs: () => ReturnType<typeof createPitchJobs>;
}

/** The submitted pitch of this area, locked for the decision. */
export async function lockedPitchInArea(tx: DbOrTx, pitchId: string, areaId: string) {
  const row = await repo.findPitch(tx, pitchId, true);
  if (!row || row.areaId !== areaId) throw notFound('pitch');
  return row;
}

export function createDecisions(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'logger'>,
  deps: DecisionDeps,
) {
  const { db } = infra;
  const now = () => infra.clock.now();

  async function approveInTx(tx: DbOrTx, officerId: string, row: repo.PitchRow, note?: string) {
    if (row.deadline.getTime() <= now().getTime()) {
      throw new AppError('conflict', 'the deadline has passed; ask for changes to move it');
    }
    const org = await repo.findOrganisation(tx, row.organisationId);
    const quest = await deps.quests.importQuest(tx, systemActor(`pitch:${row.id}`), {
      areaId: row.areaId,
      as: 'published',
      title: row.title,
      problem: `${row.summary}\n\nRun by ${org?.name ?? 'a community organisation'}.`,
      desiredOutcome: row.outcome,
      location: { lat: row.lat, lng: row.lng, radiusM: row.radiusM },
      startsAt: now().toISOString(),
      endsAt: row.deadline.toISOString(),
      superpowers: ['social_fabric'],
      evidenceRules: {
        checkin: false,
        photo: false,
        text: true,
        attestations: 0,
        officerSignOff: true,
      },
      teamSize: null,
    });
    await repo.appendMoney(tx, {
      areaId: row.areaId,
      pitchId: row.id,
      organisationId: row.organisationId,
      kind: 'allocated',
      amountPence: row.budgetPence,
      actorId: officerId,
      note: note ?? null,
    });
    const updated = await repo.updatePitch(tx, row.id, {
      status: 'approved',
      questId: quest.id,
      decidedAt: now(),
      decidedBy: officerId,
      changesRequested: null,
    });
    return { updated, quest };
  }

  async function decide(
    officerId: string,
    slug: string,
    pitchId: string,
    input: PitchDecisionRequest,
  ) {
    const areaId = await deps.areas.idOfSlug(slug);
    const { updated, quest } = await db.transaction(async (tx) => {
      const row = await lockedPitchInArea(tx, pitchId, areaId);
      if (row.status !== 'submitted') {
        throw new AppError(
          'illegal_transition',
          `this pitch is ${row.status}; only a submitted pitch is decided`,
        );
      }
      let result: {
        updated: repo.PitchRow;
        quest: Awaited<ReturnType<typeof approveInTx>>['quest'] | null;
      };
      if (input.decision === 'approve') {
        result = await approveInTx(tx, officerId, row, input.note);
      } else if (input.decision === 'request_changes') {
        result = {
          updated: await repo.updatePitch(tx, row.id, {
            status: 'draft',
            changesRequested: input.note,
          }),
          quest: null,
        };
      } else {
        result = {
          updated: await repo.updatePitch(tx, row.id, {
            status: 'declined',
            declineReason: input.note,
            decidedAt: now(),
            decidedBy: officerId,
            closedAt: now(),
          }),
          quest: null,
        };
      }
      await deps.audit.record(tx, {
        areaId,
        actorId: officerId,
        action: `pitch.${input.decision}`,
        entityType: 'pitch',
        entityId: row.id,
        before: { status: row.status },
        after: {
          status: result.updated.status,
          ...(input.note ? { note: input.note } : {}),
          ...(result.quest ? { questId: result.quest.id, allocatedPence: row.budgetPence } : {}),
        },
      });
      return result;
    });
    if (quest) {
      await deps.quests.afterImport(quest);
      await scheduleDeadline(updated);
    }
    return presentPitch(db, updated);
  }

  /** Delayed job at the deadline; the sweep covers a failure to enqueue. */
  async function scheduleDeadline(row: repo.PitchRow) {
    try {
      await infra.jobs.add(
        deps.jobs().deadline,
        { pitchId: row.id },
        {
          jobId: pitchDeadlineJobId(row.id),
          delay: Math.max(0, row.deadline.getTime() - now().getTime()),
        },
      );
    } catch (err) {
      infra.logger.error({ err, pitchId: row.id }, 'could not schedule the pitch deadline job');
    }
  }

  return { decide, scheduleDeadline };
}
