/** Partners, the accounts that act for them, and the offers they publish. */
import type { CreatePartnerRequest, Offer, Partner } from '@govcraft/shared';
import type { ZCreateOfferRequest } from '@govcraft/shared';
import type { z } from 'zod';
import type { Infra } from '../../context';
import { AppError, forbidden, notFound } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import * as repo from './partners-repo';

type OfferInput = z.output<typeof ZCreateOfferRequest>;

function toOffer(offer: repo.OfferRow, partnerName: string, given: number): Offer {
  return {
    id: offer.id,
    partnerId: offer.partnerId,
    partnerName,
    title: offer.title,
    description: offer.description,
    cost: offer.cost,
    perResidentLimit: offer.perResidentLimit,
    totalLimit: offer.totalLimit,
    remaining: offer.totalLimit === null ? null : Math.max(0, offer.totalLimit - given),
  };
}

export function createPartners(
  infra: Pick<Infra, 'db'>,
  deps: { areas: Pick<AreasService, 'bySlug'> },
) {
  function toPartner(row: repo.PartnerRow, staffCount: number): Partner {
    return {
      id: row.id,
      areaId: row.areaId,
      name: row.name,
      description: row.description,
      staffCount,
    };
  }

  /** An officer adds a partner; its staff are existing accounts, named by email. */
  async function create(actorId: string, slug: string, input: CreatePartnerRequest) {
    const area = await deps.areas.bySlug(slug);
    const emails = input.staffEmails.map((e) => e.trim().toLowerCase());
    const known = await repo.usersByEmail(infra.db, emails);
    emails.forEach((email, i) => {
      if (!known.has(email)) throw AppError.field(`staffEmails.${i}`, 'no account has this email');
    });
    return infra.db.transaction(async (tx) => {
      const partner = await repo.insertPartner(tx, {
        areaId: area.id,
        name: input.name,
        description: input.description,
        createdBy: actorId,
      });
      const staff = [...new Set(known.values())];
      await repo.addStaff(tx, partner.id, staff);
      return toPartner(partner, staff.length);
    });
  }

  /** The partner, when `userId` acts for it; 404 unknown, 403 for anyone else. */
  async function asStaff(userId: string, partnerId: string) {
    const partner = await repo.partnerById(infra.db, partnerId);
    if (!partner) throw notFound('partner');
    if (!(await repo.isStaff(infra.db, partnerId, userId)))
      throw forbidden('only the staff of this partner may do this');
    return partner;
  }

  async function createOffer(userId: string, partnerId: string, input: OfferInput) {
    const partner = await asStaff(userId, partnerId);
    const offer = await repo.insertOffer(infra.db, {
      partnerId,
      areaId: partner.areaId,
      title: input.title,
      description: input.description,
      cost: input.cost,
      perResidentLimit: input.perResidentLimit,
      totalLimit: input.totalLimit,
    });
    return toOffer(offer, partner.name, 0);
  }

  async function listOffers(slug: string) {
    const area = await deps.areas.bySlug(slug);
    const rows = await repo.offersInArea(infra.db, area.id);
    return { items: rows.map((r) => toOffer(r.offer, r.partnerName, Number(r.given))) };
  }

  async function mine(userId: string) {
    const rows = await repo.partnersOfUser(infra.db, userId);
    const counts = await repo.staffCounts(
      infra.db,
      rows.map((r) => r.partner.id),
    );
    return { items: rows.map((r) => toPartner(r.partner, counts.get(r.partner.id) ?? 0)) };
  }

  return { create, asStaff, createOffer, listOffers, mine };
}
export type Partners = ReturnType<typeof createPartners>;
