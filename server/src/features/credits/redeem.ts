/**
 * Spending credits: a resident redeems an offer for a one-time code (only its hash is
 * kept) and the partner confirms the code once. The resident's account row is locked for
 * the whole redemption, so concurrent redemptions queue and a balance never goes negative.
 */
import { createHash, randomInt } from 'node:crypto';
import type { CreditBalance, PartnerRedemption, RedemptionCode } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import type { Partners } from './partners';
import * as partnersRepo from './partners-repo';
import * as repo from './repo';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;
const HISTORY_LIMIT = 50;
const PARTNER_LIST_LIMIT = 200;

/** Ten characters from 32 (50 bits), unambiguous when read aloud or typed. */
function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(32)]).join('');
}

export const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

const shown = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

function toPartnerRedemption(r: partnersRepo.RedemptionRow, offerTitle: string): PartnerRedemption {
  return {
    id: r.id,
    offerTitle,
    cost: r.cost,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
  };
}

export function createRedemptions(
  infra: Pick<Infra, 'db' | 'clock'>,
  deps: { areas: Pick<AreasService, 'bySlug'>; partners: Partners },
) {
  async function redeem(userId: string, offerId: string): Promise<RedemptionCode> {
    const code = newCode();
    return infra.db.transaction(async (tx) => {
      const found = await partnersRepo.offerById(tx, offerId);
      if (!found || found.withdrawnAt) throw notFound('offer');
      // Lock order: the offer (only when its codes are counted), then the resident's account.
      const offer =
        found.totalLimit === null ? found : (await partnersRepo.offerById(tx, offerId, true))!;
      const partner = (await partnersRepo.partnerById(tx, offer.partnerId))!;
      const holder = await repo.ensureAccount(tx, {
        areaId: offer.areaId,
        kind: 'resident',
        userId,
      });
      await repo.lockAccount(tx, holder);
      const balance = await repo.balanceOf(tx, holder);
      if (balance < offer.cost)
        throw new AppError(
          'conflict',
          `this offer costs ${offer.cost} credits and your balance is ${balance}`,
        );
      if (offer.totalLimit !== null) {
        const given = await partnersRepo.redemptionCount(tx, offer.id);
        if (given >= offer.totalLimit)
          throw new AppError('conflict', `all ${offer.totalLimit} codes for this offer are taken`);
      }
      if (offer.perResidentLimit !== null) {
        const mine = await partnersRepo.redemptionCount(tx, offer.id, userId);
        if (mine >= offer.perResidentLimit)
          throw new AppError(
            'conflict',
            `this offer allows ${offer.perResidentLimit} code(s) per resident and you have them`,
          );
      }
      const partnerAccount = await repo.ensureAccount(tx, {
        areaId: offer.areaId,
        kind: 'partner',
        partnerId: partner.id,
      });
      const redemption = await partnersRepo.insertRedemption(tx, {
        offerId: offer.id,
        partnerId: partner.id,
        areaId: offer.areaId,
        userId,
        codeHash: hashCode(code),
        cost: offer.cost,
      });
      await repo.appendEntry(tx, {
        areaId: offer.areaId,
        kind: 'redeemed',
        fromAccountId: holder,
        toAccountId: partnerAccount,
        amount: offer.cost,
        redemptionId: redemption.id,
        userId,
        reason: `${offer.title} at ${partner.name}`,
      });
      return {
        redemptionId: redemption.id,
        code: shown(code),
        offerTitle: offer.title,
        partnerName: partner.name,
        cost: offer.cost,
        balance: balance - offer.cost,
      };
    });
  }

  /** The partner's staff confirm a code; the update itself makes a second confirm fail. */
  async function confirm(userId: string, partnerId: string, code: string) {
    await deps.partners.asStaff(userId, partnerId);
    const codeHash = hashCode(code);
    const now = infra.clock.now();
    const confirmed = await partnersRepo.confirmCode(infra.db, partnerId, codeHash, userId, now);
    const row = confirmed ?? (await partnersRepo.redemptionByCode(infra.db, partnerId, codeHash));
    if (!row) throw notFound('code');
    if (!confirmed)
      throw new AppError(
        'conflict',
        `this code was already confirmed at ${row.confirmedAt!.toISOString()}`,
      );
    const offer = await partnersRepo.offerById(infra.db, row.offerId);
    return toPartnerRedemption(row, offer?.title ?? '');
  }

  async function partnerRedemptions(userId: string, partnerId: string) {
    await deps.partners.asStaff(userId, partnerId);
    const rows = await partnersRepo.redemptionsOfPartner(infra.db, partnerId, PARTNER_LIST_LIMIT);
    return { items: rows.map((r) => toPartnerRedemption(r.redemption, r.offerTitle)) };
  }

  async function balance(userId: string, slug: string): Promise<CreditBalance> {
    const area = await deps.areas.bySlug(slug);
    const account = await repo.residentAccount(infra.db, area.id, userId);
    if (!account) return { balance: 0, entries: [], openCodes: [] };
    const [total, rows, open] = await Promise.all([
      repo.balanceOf(infra.db, account),
      repo.entriesOf(infra.db, account, HISTORY_LIMIT),
      partnersRepo.openCodesOf(infra.db, area.id, userId),
    ]);
    return {
      balance: total,
      entries: rows.map((e) => ({
        kind: e.kind as repo.EntryKind,
        amount: e.toAccountId === account ? e.amount : -e.amount,
        reason: e.reason,
        at: e.createdAt.toISOString(),
      })),
      openCodes: open.map((o) => ({
        redemptionId: o.redemption.id,
        offerTitle: o.offerTitle,
        partnerName: o.partnerName,
        at: o.redemption.createdAt.toISOString(),
      })),
    };
  }

  return { redeem, confirm, partnerRedemptions, balance };
}
