/**
 * What people see of evidence: the owner, team-mates and the area's officers may read one
 * evidence and its photo; a resident lists their own.
 */
import type { Evidence, Quest } from '@govcraft/shared';
import type { Infra } from '../../context';
import { notFound } from '../../lib/errors';
import type { Actor } from '../accounts/actor';
import { toView, type Authorise, type QuestAccess, type TeamOf } from './model';
import * as repo from './repo';
import type { BlobStorage } from './storage';

export interface PresentDeps {
  quests: Pick<QuestAccess, 'get'>;
  teamOf: TeamOf;
  authorise: Authorise;
  storage: BlobStorage;
}

export function createPresenter(infra: Pick<Infra, 'db'>, deps: PresentDeps) {
  async function rowOrThrow(evidenceId: string): Promise<repo.EvidenceRow> {
    const row = await repo.findEvidence(infra.db, evidenceId);
    if (!row) throw notFound('evidence');
    return row;
  }

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
    const bytes = row.photoKey ? await deps.storage.get(row.photoKey) : null;
    if (!bytes) throw notFound('photo');
    return bytes;
  }

  async function mine(userId: string): Promise<{ items: Evidence[] }> {
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

  return {
    rowOrThrow,
    viewOf,
    get,
    photo,
    mine,
    /** Area of an evidence, for route guards; 404 when missing. */
    areaOf: async (evidenceId: string) => (await rowOrThrow(evidenceId)).areaId,
  };
}
export type EvidencePresenter = ReturnType<typeof createPresenter>;
