/**
 * Reports and the moderators' queue. Anyone signed in reports an item with a reason; the
 * area's moderators (and officers above them) see open reports grouped per item, and hide,
 * restore or dismiss with a reason the author sees. Each report and decision writes its
 * audit row in the same transaction; the owning feature announces hides and restores.
 */
import type {
  ContentRef,
  ModerationDecisionRequest,
  ReportContentRequest,
  ReportQueueItem,
  ReportReceipt,
  ReportStatus,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { AppError, notFound } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { ModeratedItem, ModeratedKinds } from './kinds';
import * as repo from './repo';

export interface ModerationDeps {
  areas: Pick<AreasService, 'idOfSlug'>;
  audit: Pick<AuditService, 'record'>;
  kinds: ModeratedKinds;
}

export function createModerationService(infra: Pick<Infra, 'db' | 'clock'>, deps: ModerationDeps) {
  const { db } = infra;

  async function itemOrThrow(tx: DbOrTx, ref: ContentRef, lock = false): Promise<ModeratedItem> {
    const item = await deps.kinds[ref.kind].find(tx, ref.id, lock);
    if (!item) throw notFound(ref.kind);
    return item;
  }

  async function report(reporterId: string, input: ReportContentRequest): Promise<ReportReceipt> {
    const { content, reason } = input;
    return db.transaction(async (tx) => {
      const item = await itemOrThrow(tx, content);
      const row = await repo.insertReport(tx, {
        areaId: item.areaId,
        contentKind: content.kind,
        contentId: content.id,
        reporterId,
        reason,
      });
      // Reporting again does not stack up: the first report stands.
      if (!row) {
        const first = (await repo.findReportBy(tx, content.kind, content.id, reporterId))!;
        return { id: first.id, status: first.status as ReportStatus };
      }
      await deps.audit.record(tx, {
        areaId: item.areaId,
        actorId: reporterId,
        action: 'content.report',
        entityType: content.kind,
        entityId: content.id,
        after: { reportId: row.id, reason },
      });
      return { id: row.id, status: 'open' };
    });
  }

  async function present(ref: ContentRef, item: ModeratedItem): Promise<ReportQueueItem> {
    const reports = await repo.reportsOn(db, ref.kind, ref.id);
    return {
      content: { kind: ref.kind, id: ref.id, ...pick(item) },
      reports: reports.map((r) => ({
        id: r.id,
        reason: r.reason,
        status: r.status as ReportStatus,
        createdAt: r.createdAt.toISOString(),
      })),
      firstReportedAt: (reports[0]?.createdAt ?? infra.clock.now()).toISOString(),
    };
  }

  /** Reported items in the area, oldest report first, each with every report on it. */
  async function queue(slug: string, status: ReportStatus): Promise<{ items: ReportQueueItem[] }> {
    const areaId = await deps.areas.idOfSlug(slug);
    const rows = await repo.listQueue(db, areaId, status);
    const refs = new Map<string, ContentRef>();
    for (const r of rows) {
      refs.set(`${r.contentKind}:${r.contentId}`, {
        kind: r.contentKind as ContentRef['kind'],
        id: r.contentId,
      });
    }
    const items: ReportQueueItem[] = [];
    for (const ref of refs.values()) {
      const item = await deps.kinds[ref.kind].find(db, ref.id);
      if (item) items.push(await present(ref, item));
    }
    return { items };
  }

  async function decide(
    moderatorId: string,
    slug: string,
    input: ModerationDecisionRequest,
  ): Promise<ReportQueueItem> {
    const { content, action, reason } = input;
    const areaId = await deps.areas.idOfSlug(slug);
    const kind = deps.kinds[content.kind];
    await db.transaction(async (tx) => {
      const item = await itemOrThrow(tx, content, true);
      if (item.areaId !== areaId) throw notFound(content.kind);
      if (action === 'hide' && item.hidden)
        throw new AppError('conflict', 'this is already hidden');
      if (action === 'restore' && !item.hidden)
        throw new AppError('conflict', 'this is not hidden');
      if (action !== 'dismiss')
        await kind.setHidden(tx, content.id, action === 'hide' ? reason : null);
      const decided = await repo.decideOpenReports(tx, content.kind, content.id, {
        status: action === 'hide' ? 'upheld' : 'dismissed',
        by: moderatorId,
        reason,
        at: infra.clock.now(),
      });
      if (action === 'dismiss' && decided === 0) {
        throw new AppError('conflict', 'there are no open reports on this to dismiss');
      }
      await deps.audit.record(tx, {
        areaId,
        actorId: moderatorId,
        action: `moderation.${action}`,
        entityType: content.kind,
        entityId: content.id,
        after: { reason, reportsDecided: decided },
      });
    });
    if (action !== 'dismiss') await kind.announce(content.id);
    return present(content, await itemOrThrow(db, content));
  }

  return { report, queue, decide };
}
export type ModerationService = ReturnType<typeof createModerationService>;

const pick = (item: ModeratedItem) => ({
  text: item.text,
  authorName: item.authorName,
  hidden: item.hidden,
  questId: item.questId,
});
