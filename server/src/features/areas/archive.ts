/**
 * Retiring an area. Archiving makes it read-only (a trigger in db/guards.sql refuses new
 * quests, evidence, members, teams and quest joins there, whichever code writes) while it
 * stays listed, readable and in open data; restoring opens it again. Only an empty area
 * (no quests of any status, no members) can be deleted, so no history is lost by it.
 */
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import * as repo from './repo';

export interface ArchiveDeps {
  audit: Pick<AuditService, 'record'>;
  /** The area's row for a slug (404 when unknown). */
  rowBySlug(slug: string): Promise<repo.AreaRow>;
  /** Drops cached copies of a row that changed or went away. */
  forget(row: repo.AreaRow): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The answer to a write into an archived area, naming it. */
export function archivedAreaError(row: Pick<repo.AreaRow, 'name'>): AppError {
  return new AppError(
    'conflict',
    `area "${row.name}" is archived: it is read-only, so nothing new can be added to it`,
  );
}

export function createAreaArchive(infra: Pick<Infra, 'db' | 'clock'>, deps: ArchiveDeps) {
  /** Sets or clears `archived_at` with its audit row; a repeated call changes nothing. */
  async function setArchived(actorId: string, slug: string, archived: boolean) {
    const { id } = await deps.rowBySlug(slug);
    const row = await infra.db.transaction(async (tx) => {
      const before = await repo.lockArea(tx, id);
      if (!before) throw notFound(`area "${slug}"`);
      if ((before.archivedAt !== null) === archived) return before;
      const after = await repo.setArchivedAt(tx, id, archived ? infra.clock.now() : null);
      await deps.audit.record(tx, {
        areaId: id,
        actorId,
        action: archived ? 'area.archive' : 'area.restore',
        entityType: 'area',
        entityId: id,
        before: { archivedAt: before.archivedAt?.toISOString() ?? null },
        after: { archivedAt: after.archivedAt?.toISOString() ?? null },
      });
      return after;
    });
    deps.forget(row);
    return row;
  }

  async function remove(actorId: string, slug: string): Promise<void> {
    const { id } = await deps.rowBySlug(slug);
    const row = await infra.db.transaction(async (tx) => {
      const locked = await repo.lockArea(tx, id);
      if (!locked) throw notFound(`area "${slug}"`);
      const { quests, members } = await repo.contentsOf(tx, id);
      if (quests > 0 || members > 0) {
        throw new AppError(
          'conflict',
          `area "${locked.name}" has ${plural(quests, 'quest')} and ${plural(members, 'member')}; ` +
            'only an empty area can be deleted (archive it instead)',
        );
      }
      await repo.deleteArea(tx, id);
      // Kept after the area is gone (the log has no foreign key), so the deletion is on record.
      await deps.audit.record(tx, {
        areaId: id,
        actorId,
        action: 'area.delete',
        entityType: 'area',
        entityId: id,
        before: { slug: locked.slug, name: locked.name },
      });
      return locked;
    });
    deps.forget(row);
  }

  return {
    archive: (actorId: string, slug: string) => setArchived(actorId, slug, true),
    restore: (actorId: string, slug: string) => setArchived(actorId, slug, false),
    remove,
  };
}
