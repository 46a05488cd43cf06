/**
 * Money moves against evidence. An officer confirms a milestone's evidence and its amount
 * is released (one `released` row, once per milestone, enforced by a unique index); when
 * every milestone is evidenced the outcome is met and the pitch completes. At the deadline
 * an approved pitch whose outcome is not evidenced fails publicly with its reason, and what
 * was not released gets one closing `cancelled` row. Rows are never edited; totals are sums.
 */
import type { ReleaseMilestoneRequest } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import { lockedPitchInArea } from './decisions';
import { pitchDeadlineJobId } from './jobs';
import { presentPitch } from './present';
import * as repo from './repo';

export interface MoneyDeps {
  areas: Pick<AreasService, 'idOfSlug'>;
  audit: Pick<AuditService, 'record'>;
}

const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`;

export function createMoney(
  infra: Pick<Infra, 'db' | 'clock' | 'jobs' | 'logger'>,
  deps: MoneyDeps,
) {
  const { db } = infra;
  const now = () => infra.clock.now();

  async function release(
    officerId: string,
    slug: string,
    pitchId: string,
    milestoneId: string,
    input: ReleaseMilestoneRequest,
  ) {
    const areaId = await deps.areas.idOfSlug(slug);
    const after = await db.transaction(async (tx) => {
      const row = await lockedPitchInArea(tx, pitchId, areaId);
      if (row.status !== 'approved') {
        throw new AppError(
          'illegal_transition',
          `this pitch is ${row.status}; money is released only while it runs`,
        );
      }
      if (row.deadline.getTime() <= now().getTime()) {
        throw new AppError('conflict', 'the deadline has passed; nothing more is released');
      }
      const milestones = await repo.milestonesOf(tx, [row.id]);
      const milestone = milestones.find((m) => m.id === milestoneId);
      if (!milestone) throw notFound('milestone');
      const marked = await repo.markMilestoneReleased(tx, milestone.id, input.evidence, now());
      if (!marked) throw new AppError('conflict', 'this milestone has already been released');
      await repo.appendMoney(tx, {
        areaId,
        pitchId: row.id,
        organisationId: row.organisationId,
        kind: 'released',
        amountPence: milestone.amountPence,
        milestoneId: milestone.id,
        actorId: officerId,
        note: input.note ? `${input.evidence} — ${input.note}` : input.evidence,
      });
      await deps.audit.record(tx, {
        areaId,
        actorId: officerId,
        action: 'pitch.milestone_released',
        entityType: 'pitch',
        entityId: row.id,
        after: {
          milestoneId: milestone.id,
          amountPence: milestone.amountPence,
          evidence: input.evidence,
          ...(input.note ? { note: input.note } : {}),
        },
      });
      const outstanding = milestones.filter((m) => !m.releasedAt && m.id !== milestone.id);
      if (outstanding.length > 0) return row;
      await deps.audit.record(tx, {
        areaId,
        actorId: officerId,
        action: 'pitch.completed',
        entityType: 'pitch',
        entityId: row.id,
        before: { status: 'approved' },
        after: { status: 'completed' },
      });
      return repo.updatePitch(tx, row.id, { status: 'completed', closedAt: now() });
    });
    if (after.status === 'completed') await dropDeadlineJob(after.id);
    return presentPitch(db, after);
  }

  async function dropDeadlineJob(pitchId: string) {
    try {
      await infra.jobs.queue('quest-lifecycle').remove(pitchDeadlineJobId(pitchId));
    } catch (err) {
      // A running job cannot be removed; it re-reads the pitch and does nothing.
      infra.logger.debug({ err, pitchId }, 'pitch deadline job not removed');
    }
  }

  /** The deadline's move: fails an approved pitch that is due; anything else is left alone. */
  async function failIfDue(pitchId: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const row = await repo.findPitch(tx, pitchId, true);
      if (!row || row.status !== 'approved') return false;
      if (row.deadline.getTime() > now().getTime()) return false;
      const milestones = await repo.milestonesOf(tx, [row.id]);
      const done = milestones.filter((m) => m.releasedAt);
      const totals = (await repo.moneyTotals(tx, [row.id])).get(row.id);
      const unreleased =
        (totals?.allocated ?? 0) - (totals?.released ?? 0) - (totals?.cancelled ?? 0);
      const reason =
        `The agreed outcome was not evidenced by the deadline (${row.deadline.toISOString().slice(0, 10)}): ` +
        `${done.length} of ${milestones.length} milestones evidenced; ` +
        `${pounds(unreleased)} not released.`;
      if (unreleased > 0) {
        await repo.appendMoney(tx, {
          areaId: row.areaId,
          pitchId: row.id,
          organisationId: row.organisationId,
          kind: 'cancelled',
          amountPence: unreleased,
          note: reason,
        });
      }
      await repo.updatePitch(tx, row.id, {
        status: 'failed',
        failureReason: reason,
        closedAt: now(),
      });
      await deps.audit.record(tx, {
        areaId: row.areaId,
        actorId: null,
        action: 'pitch.failed',
        entityType: 'pitch',
        entityId: row.id,
        before: { status: 'approved' },
        after: { status: 'failed', reason, cancelledPence: unreleased },
      });
      return true;
    });
  }

  async function failOverdue(): Promise<{ failed: number }> {
    let failed = 0;
    for (const { id } of await repo.overdueApproved(db, now())) {
      if (await failIfDue(id)) failed += 1;
    }
    return { failed };
  }

  return { release, failIfDue, failOverdue };
}
