/**
 * A resident's "not fixed" reports under data protection: what an export contains and what
 * account deletion erases (inside the deletion's transaction).
 */
import type { DbOrTx } from '../../db/client';
import type { EvidencePort } from './model';
import * as repo from './repo';

export function createReportPrivacy(infra: { db: DbOrTx }, deps: { evidence: EvidencePort }) {
  async function exportFor(userId: string) {
    const rows = await repo.listForUser(infra.db, userId);
    return rows.map((r) => ({
      questId: r.questId,
      status: r.status,
      weight: r.weight,
      checkin: r.checkin,
      note: r.note,
      hasPhoto: r.photoKey !== null,
      submittedAt: r.submittedAt.toISOString(),
      reason: r.statusReason,
    }));
  }

  async function erasePersonalData(tx: DbOrTx, userId: string): Promise<void> {
    const keys = await repo.eraseContent(tx, userId);
    await Promise.all(keys.map((key) => deps.evidence.storage.delete(key)));
  }

  return { exportFor, erasePersonalData };
}
