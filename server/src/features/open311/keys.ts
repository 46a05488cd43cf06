/**
 * API keys officers issue to organisations for POST requests and POST servicerequestupdates.
 * Only a SHA-256 of each key is kept; the key is shown once, when it is issued.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Open311ApiKey } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import * as repo from './repo';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

const present = (row: repo.ApiKeyRow): Open311ApiKey => ({
  id: row.id,
  organisation: row.organisation,
  keyPrefix: row.keyPrefix,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export function createKeys(
  infra: Pick<Infra, 'db' | 'clock'>,
  deps: { audit: Pick<AuditService, 'record'> },
) {
  async function issue(actorId: string | null, areaId: string, organisation: string) {
    const key = `o311_${randomBytes(24).toString('base64url')}`;
    const row = await infra.db.transaction(async (tx) => {
      const inserted = await repo.insertKey(tx, {
        areaId,
        organisation,
        keyHash: hashApiKey(key),
        keyPrefix: key.slice(0, 9),
        createdBy: actorId,
      });
      await deps.audit.record(tx, {
        areaId,
        actorId,
        action: 'open311.key.issue',
        entityType: 'open311_api_key',
        entityId: inserted.id,
        after: { organisation, keyPrefix: inserted.keyPrefix },
      });
      return inserted;
    });
    return { ...present(row), key };
  }

  async function revoke(actorId: string, areaId: string, keyId: string) {
    return infra.db.transaction(async (tx) => {
      const row = await repo.revokeKey(tx, areaId, keyId, infra.clock.now());
      if (!row) throw notFound('API key');
      await deps.audit.record(tx, {
        areaId,
        actorId,
        action: 'open311.key.revoke',
        entityType: 'open311_api_key',
        entityId: row.id,
        after: { organisation: row.organisation },
      });
      return present(row);
    });
  }

  const list = async (areaId: string) => ({
    items: (await repo.listKeys(infra.db, areaId)).map(present),
  });

  /** The organisation's live key for this area; the spec's 403 when missing or wrong. */
  async function check(areaId: string, key: string | undefined) {
    if (!key) throw new AppError('forbidden', 'api_key was not provided');
    const row = await repo.liveKeyByHash(infra.db, areaId, hashApiKey(key));
    if (!row) throw new AppError('forbidden', 'api_key is not valid for this jurisdiction');
    return row;
  }

  return { issue, revoke, list, check };
}
