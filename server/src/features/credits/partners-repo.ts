/** The only code touching partners, their staff, offers and redemptions. */
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { firstRow } from '../../db/rows';
import { creditOffers, creditRedemptions, partners, partnerStaff, users } from '../../db/schema';

export type PartnerRow = typeof partners.$inferSelect;
export type OfferRow = typeof creditOffers.$inferSelect;
export type RedemptionRow = typeof creditRedemptions.$inferSelect;

export async function insertPartner(db: DbOrTx, values: typeof partners.$inferInsert) {
  const [row] = await db.insert(partners).values(values).returning();
  return row!;
}

export async function addStaff(db: DbOrTx, partnerId: string, userIds: string[]) {
  if (userIds.length === 0) return;
  await db
    .insert(partnerStaff)
    .values(userIds.map((userId) => ({ partnerId, userId })))
    .onConflictDoNothing();
}

/** Live accounts by normalised email. */
export async function usersByEmail(db: DbOrTx, emails: string[]) {
  if (emails.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.email, emails), isNull(users.deletedAt)));
  return new Map(rows.map((r) => [r.email!, r.id]));
}

export const partnerById = (db: DbOrTx, id: string) =>
  firstRow(db.select().from(partners).where(eq(partners.id, id)));

export async function isStaff(db: DbOrTx, partnerId: string, userId: string) {
  const row = await firstRow(
    db
      .select({ userId: partnerStaff.userId })
      .from(partnerStaff)
      .where(and(eq(partnerStaff.partnerId, partnerId), eq(partnerStaff.userId, userId))),
  );
  return row !== null;
}

export function partnersOfUser(db: DbOrTx, userId: string) {
  return db
    .select({ partner: partners })
    .from(partnerStaff)
    .innerJoin(partners, eq(partners.id, partnerStaff.partnerId))
    .where(eq(partnerStaff.userId, userId))
    .orderBy(partners.name);
}

export async function staffCounts(db: DbOrTx, partnerIds: string[]) {
  if (partnerIds.length === 0) return new Map<string, number>();
  const rows = await db
    .select({ partnerId: partnerStaff.partnerId, n: count() })
    .from(partnerStaff)
    .where(inArray(partnerStaff.partnerId, partnerIds))
    .groupBy(partnerStaff.partnerId);
  return new Map(rows.map((r) => [r.partnerId, Number(r.n)]));
}

export async function insertOffer(db: DbOrTx, values: typeof creditOffers.$inferInsert) {
  const [row] = await db.insert(creditOffers).values(values).returning();
  return row!;
}

/** One offer; `lock` holds its row until the transaction ends (for its total limit). */
export function offerById(db: DbOrTx, id: string, lock = false) {
  const query = db.select().from(creditOffers).where(eq(creditOffers.id, id));
  return firstRow(lock ? query.for('update') : query);
}

/** Live offers in the area with their partner's name and codes given so far. */
export function offersInArea(db: DbOrTx, areaId: string) {
  return db
    .select({
      offer: creditOffers,
      partnerName: partners.name,
      given: sql<string>`(select count(*) from ${creditRedemptions} r where r.offer_id = ${creditOffers.id})`,
    })
    .from(creditOffers)
    .innerJoin(partners, eq(partners.id, creditOffers.partnerId))
    .where(and(eq(creditOffers.areaId, areaId), isNull(creditOffers.withdrawnAt)))
    .orderBy(creditOffers.cost, creditOffers.title);
}

/** Codes given for an offer, in all or to one resident. */
export async function redemptionCount(db: DbOrTx, offerId: string, userId?: string) {
  const [row] = await db
    .select({ n: count() })
    .from(creditRedemptions)
    .where(
      userId
        ? and(eq(creditRedemptions.offerId, offerId), eq(creditRedemptions.userId, userId))
        : eq(creditRedemptions.offerId, offerId),
    );
  return Number(row?.n ?? 0);
}

export async function insertRedemption(db: DbOrTx, values: typeof creditRedemptions.$inferInsert) {
  const [row] = await db.insert(creditRedemptions).values(values).returning();
  return row!;
}

/** Marks the code confirmed unless it already was; null when nothing changed. */
export function confirmCode(
  db: DbOrTx,
  partnerId: string,
  codeHash: string,
  confirmedBy: string,
  at: Date,
) {
  return firstRow(
    db
      .update(creditRedemptions)
      .set({ confirmedAt: at, confirmedBy })
      .where(
        and(
          eq(creditRedemptions.partnerId, partnerId),
          eq(creditRedemptions.codeHash, codeHash),
          isNull(creditRedemptions.confirmedAt),
        ),
      )
      .returning(),
  );
}

export const redemptionByCode = (db: DbOrTx, partnerId: string, codeHash: string) =>
  firstRow(
    db
      .select()
      .from(creditRedemptions)
      .where(
        and(eq(creditRedemptions.partnerId, partnerId), eq(creditRedemptions.codeHash, codeHash)),
      ),
  );

export function redemptionsOfPartner(db: DbOrTx, partnerId: string, limit: number) {
  return db
    .select({ redemption: creditRedemptions, offerTitle: creditOffers.title })
    .from(creditRedemptions)
    .innerJoin(creditOffers, eq(creditOffers.id, creditRedemptions.offerId))
    .where(eq(creditRedemptions.partnerId, partnerId))
    .orderBy(desc(creditRedemptions.createdAt))
    .limit(limit);
}

/** A resident's codes not yet confirmed in the area. */
export function openCodesOf(db: DbOrTx, areaId: string, userId: string) {
  return db
    .select({
      redemption: creditRedemptions,
      offerTitle: creditOffers.title,
      partnerName: partners.name,
    })
    .from(creditRedemptions)
    .innerJoin(creditOffers, eq(creditOffers.id, creditRedemptions.offerId))
    .innerJoin(partners, eq(partners.id, creditRedemptions.partnerId))
    .where(
      and(
        eq(creditRedemptions.areaId, areaId),
        eq(creditRedemptions.userId, userId),
        isNull(creditRedemptions.confirmedAt),
      ),
    )
    .orderBy(desc(creditRedemptions.createdAt));
}

/** Partners, live offers and confirmed codes in the area, for the dashboard. */
export async function areaCounts(db: DbOrTx, areaId: string) {
  const [row] = await db
    .select({
      partners: sql<string>`(select count(*) from ${partners} where ${partners.areaId} = ${areaId})`,
      offers: sql<string>`(select count(*) from ${creditOffers} where ${creditOffers.areaId} = ${areaId} and ${creditOffers.withdrawnAt} is null)`,
      confirmed: sql<string>`(select count(*) from ${creditRedemptions} where ${creditRedemptions.areaId} = ${areaId} and ${creditRedemptions.confirmedAt} is not null)`,
    })
    .from(sql`(select 1) as one`);
  return {
    partners: Number(row?.partners ?? 0),
    offers: Number(row?.offers ?? 0),
    codesConfirmed: Number(row?.confirmed ?? 0),
  };
}
