/**
 * Officers write quests: create (optionally publishing at once) and edit while the status
 * allows it. Placement (inside the area, storyline of the same area) is checked here for
 * proposals too.
 */
import {
  EDITABLE_QUEST_STATUSES,
  type CreateQuestRequest,
  type QuestStatus,
  type UpdateQuestRequest,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { QuestLifecycle } from './lifecycle';
import {
  auditView,
  describedQuestColumns,
  insertAudited,
  isLive,
  present,
  questColumns,
  rowOrThrow,
} from './model';
import * as repo from './repo';

export interface EditingDeps {
  areas: Pick<AreasService, 'idOfSlug' | 'contains'>;
  audit: Pick<AuditService, 'record'>;
  /** Area of a storyline, null when there is none; keeps quests out of storylines' repo. */
  storylineAreaOf: (storylineId: string) => Promise<string | null>;
  lifecycle: Pick<QuestLifecycle, 'publish' | 'afterCommit'>;
}

export type CheckPlacement = (
  areaId: string,
  fields: { lat: number; lng: number; storylineId: string | null },
) => Promise<void>;

function checkWindow(row: Pick<repo.QuestRow, 'startsAt' | 'endsAt'>) {
  if (row.endsAt.getTime() <= row.startsAt.getTime()) {
    throw AppError.field('endsAt', 'endsAt must be after startsAt');
  }
}

export function createEditing(infra: Pick<Infra, 'db' | 'clock'>, deps: EditingDeps) {
  const now = () => infra.clock.now();

  const checkPlacement: CheckPlacement = async (areaId, fields) => {
    if (!(await deps.areas.contains(areaId, fields))) {
      throw AppError.field('location', 'the spot is outside the area; choose a place inside it');
    }
    if (fields.storylineId && (await deps.storylineAreaOf(fields.storylineId)) !== areaId) {
      throw AppError.field('storylineId', 'no storyline with this id in this area');
    }
  };

  async function create(actorId: string, areaSlug: string, input: CreateQuestRequest) {
    const areaId = await deps.areas.idOfSlug(areaSlug);
    await checkPlacement(areaId, { ...input.location, storylineId: input.storylineId });
    const row = await infra.db.transaction(async (tx) => {
      const draft = await insertAudited(tx, deps.audit, 'quest.create', actorId, {
        areaId,
        status: 'draft',
        createdBy: actorId,
        ...describedQuestColumns(input),
        xp: input.xp,
        maxCompletions: input.maxCompletions,
        storylineId: input.storylineId,
        reopenWindowDays: input.reopenWindowDays,
      });
      return input.publish ? deps.lifecycle.publish(tx, draft, actorId) : draft;
    });
    await deps.lifecycle.afterCommit(null, row);
    return present(infra.db, row);
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
    await deps.lifecycle.afterCommit(before, after);
    return present(infra.db, after);
  }

  return { create, update, checkPlacement };
}
