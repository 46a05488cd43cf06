/**
 * Quests that come from outside systems (Open311 reports posted to us, requests polled from
 * a council, CSV rows): made by a system actor, not an officer's session. The caller passes
 * its transaction so the quest and the caller's link to the outside request commit together;
 * `afterImport` runs what follows the commit (lifecycle jobs, realtime, facts).
 */
import type { ProposeQuestRequest } from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import type { SystemActor } from '../accounts/actor';
import type { AuditService } from '../audit/service';
import type { QuestLifecycle } from './lifecycle';
import { describedQuestColumns, present } from './model';
import { PROPOSAL_DEFAULT_XP } from './proposals';
import * as repo from './repo';

export interface ImportedQuestInput extends ProposeQuestRequest {
  areaId: string;
  /** proposed: waits for an officer's decision; draft: an officer publishes it; published: live. */
  as: 'proposed' | 'draft' | 'published';
}

export interface ImportDeps {
  audit: Pick<AuditService, 'record'>;
  contains: (areaId: string, point: { lat: number; lng: number }) => Promise<boolean>;
  lifecycle: Pick<QuestLifecycle, 'publish' | 'afterCommit'>;
}

export function createImported(infra: Pick<Infra, 'db'>, deps: ImportDeps) {
  /** Inside the area? Integrations skip requests elsewhere instead of failing the batch. */
  const isInside = (areaId: string, point: { lat: number; lng: number }) =>
    deps.contains(areaId, point);

  /** Inserts the quest and its audit row in `tx`; publishes it when asked. */
  async function importQuest(tx: DbOrTx, system: SystemActor, input: ImportedQuestInput) {
    const row = await repo.insertQuest(tx, {
      areaId: input.areaId,
      status: input.as === 'proposed' ? 'proposed' : 'draft',
      ...describedQuestColumns(input),
      xp: PROPOSAL_DEFAULT_XP,
    });
    await deps.audit.record(tx, {
      areaId: row.areaId,
      actorId: null,
      action: 'quest.import',
      entityType: 'quest',
      entityId: row.id,
      after: { status: row.status, title: row.title, via: system.name },
    });
    return input.as === 'published' ? deps.lifecycle.publish(tx, row, null) : row;
  }

  /** After the caller's commit: lifecycle jobs, realtime and the status fact. */
  async function afterImport(row: repo.QuestRow) {
    await deps.lifecycle.afterCommit(null, row);
    return present(infra.db, row);
  }

  return { importQuest, afterImport, isInside };
}
