/**
 * A resident's evidence under data protection: what an export contains and what account
 * deletion erases (inside the deletion's transaction).
 */
import type { Evidence } from '@govcraft/shared';
import type { DbOrTx } from '../../db/client';
import type { EvidencePresenter } from './present';
import * as repo from './repo';
import type { BlobStorage } from './storage';

export interface EvidencePrivacyDeps {
  storage: BlobStorage;
  present: Pick<EvidencePresenter, 'mine'>;
}

export function createEvidencePrivacy(deps: EvidencePrivacyDeps) {
  /** Photos leave storage; text, check-in and camera details are nulled. */
  async function erasePersonalData(tx: DbOrTx, userId: string): Promise<void> {
    const keys = await repo.photoKeysOfUser(tx, userId);
    await repo.erasePersonalContent(tx, userId);
    await Promise.all(keys.map((key) => deps.storage.delete(key)));
  }

  async function exportFor(userId: string): Promise<Evidence[]> {
    return (await deps.present.mine(userId)).items;
  }

  return { erasePersonalData, exportFor };
}
