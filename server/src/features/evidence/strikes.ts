/**
 * Strikes: confirmed cheating counts against an account in the area where it happened.
 * The third strike in force suspends that account's evidence in the area until an admin
 * lifts it (which also clears the strikes). Every step is audit-logged in the transaction
 * of the change.
 */
import type { Infra } from '../../context';
import type { DbOrTx } from '../../db/client';
import { forbidden } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import * as repo from './accountability-repo';

/** Strikes in force that suspend evidence in an area. */
export const STRIKES_TO_SUSPEND = 3;

export interface StrikeInput {
  userId: string;
  areaId: string;
  evidenceId: string;
  actorId: string;
  reason: string;
}

export function createStrikes(
  infra: Pick<Infra, 'db' | 'clock'>,
  deps: { audit: Pick<AuditService, 'record'> },
) {
  /** Inside the reversal's transaction: one strike per evidence, a suspension at three. */
  async function strike(tx: DbOrTx, input: StrikeInput) {
    const added = await repo.insertStrike(tx, input);
    if (!added) return { strike: false, suspended: false };
    const strikes = await repo.activeStrikes(tx, input.userId, input.areaId);
    const suspended =
      strikes >= STRIKES_TO_SUSPEND &&
      (await repo.insertSuspension(tx, input.userId, input.areaId));
    const base = {
      areaId: input.areaId,
      actorId: input.actorId,
      entityType: 'user',
      entityId: input.userId,
    };
    await deps.audit.record(tx, {
      ...base,
      action: 'evidence.strike',
      after: { evidenceId: input.evidenceId, strikes, reason: input.reason },
    });
    if (suspended) {
      await deps.audit.record(tx, { ...base, action: 'evidence.suspend', after: { strikes } });
    }
    return { strike: true, suspended };
  }

  /** Refuses evidence from an account suspended in the area. */
  async function assertMaySubmit(userId: string, areaId: string): Promise<void> {
    if (await repo.isSuspended(infra.db, userId, areaId)) {
      throw forbidden(
        'your evidence in this area is suspended after three confirmed strikes; an admin can lift it',
      );
    }
  }

  /** An admin lifts a suspension; false when there was none in force. */
  async function liftSuspension(adminId: string, areaId: string, userId: string) {
    const lifted = await infra.db.transaction(async (tx) => {
      const done = await repo.liftSuspension(tx, userId, areaId, adminId, infra.clock.now());
      if (done) {
        await deps.audit.record(tx, {
          areaId,
          actorId: adminId,
          action: 'evidence.suspension-lift',
          entityType: 'user',
          entityId: userId,
        });
      }
      return done;
    });
    return { lifted };
  }

  return { strike, assertMaySubmit, liftSuspension };
}
export type Strikes = ReturnType<typeof createStrikes>;
