/** Time credits: partners, offers, balances, one-time codes and the published rule. */
import { z } from 'zod';
import { ZId, ZIsoDateTime, ZList, ZPlainText } from './common';

export const CREDIT_ENTRY_KINDS = ['issued', 'redeemed', 'expired', 'reversed'] as const;
export const ZCreditEntryKind = z.enum(CREDIT_ENTRY_KINDS);
export type CreditEntryKind = z.infer<typeof ZCreditEntryKind>;

const ZCredits = z.number().int().min(0);

export const ZPartnerParams = z.object({ partnerId: ZId });
export const ZOfferParams = z.object({ offerId: ZId });

export const ZCreatePartnerRequest = z.object({
  name: ZPlainText(120),
  description: ZPlainText(1000, { multiline: true }),
  /** Existing accounts (by email) that act for the partner; they sign in as usual. */
  staffEmails: z.array(z.email().max(254)).max(20).default([]),
});
export type CreatePartnerRequest = z.infer<typeof ZCreatePartnerRequest>;

export const ZPartner = z.object({
  id: ZId,
  areaId: ZId,
  name: z.string(),
  description: z.string(),
  staffCount: z.number().int().min(0),
});
export type Partner = z.infer<typeof ZPartner>;
export const ZPartnerList = ZList(ZPartner);

export const ZCreateOfferRequest = z.object({
  title: ZPlainText(120),
  description: ZPlainText(1000, { multiline: true }),
  cost: z.number().int().min(1).max(1000),
  perResidentLimit: z.number().int().min(1).max(1000).nullable().default(null),
  totalLimit: z.number().int().min(1).max(100_000).nullable().default(null),
});
export type CreateOfferRequest = z.input<typeof ZCreateOfferRequest>;

export const ZOffer = z.object({
  id: ZId,
  partnerId: ZId,
  partnerName: z.string(),
  title: z.string(),
  description: z.string(),
  cost: z.number().int().min(1),
  perResidentLimit: z.number().int().nullable(),
  totalLimit: z.number().int().nullable(),
  /** Codes still to give out under `totalLimit`; null when unlimited. */
  remaining: z.number().int().min(0).nullable(),
});
export type Offer = z.infer<typeof ZOffer>;
export const ZOfferList = ZList(ZOffer);

export const ZCreditEntry = z.object({
  kind: ZCreditEntryKind,
  /** Positive when credits came in, negative when they went out. */
  amount: z.number().int(),
  reason: z.string(),
  at: ZIsoDateTime,
});
export type CreditEntry = z.infer<typeof ZCreditEntry>;

export const ZCreditBalance = z.object({
  balance: ZCredits,
  entries: z.array(ZCreditEntry),
  /** Codes not yet confirmed by the partner. */
  openCodes: z.array(
    z.object({
      redemptionId: ZId,
      offerTitle: z.string(),
      partnerName: z.string(),
      at: ZIsoDateTime,
    }),
  ),
});
export type CreditBalance = z.infer<typeof ZCreditBalance>;

export const ZRedemptionCode = z.object({
  redemptionId: ZId,
  /** Shown once: only its hash is stored. */
  code: z.string(),
  offerTitle: z.string(),
  partnerName: z.string(),
  cost: z.number().int(),
  balance: ZCredits,
});
export type RedemptionCode = z.infer<typeof ZRedemptionCode>;

export const ZConfirmCodeRequest = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .transform((s) => s.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^[A-Z2-9]{10}$/, 'a code is 10 letters and digits')),
});

/** A redemption as its partner sees it: nothing about the resident. */
export const ZPartnerRedemption = z.object({
  id: ZId,
  offerTitle: z.string(),
  cost: z.number().int(),
  createdAt: ZIsoDateTime,
  confirmedAt: ZIsoDateTime.nullable(),
});
export type PartnerRedemption = z.infer<typeof ZPartnerRedemption>;
export const ZPartnerRedemptionList = ZList(ZPartnerRedemption);

/** Credit totals for the dashboard and open data. */
export const ZCreditsSummary = z.object({
  issued: ZCredits,
  redeemed: ZCredits,
  expired: ZCredits,
  reversed: ZCredits,
  /** Credits residents hold and have not spent. */
  outstanding: ZCredits,
  partners: ZCredits,
  offers: ZCredits,
  codesConfirmed: ZCredits,
});
export type CreditsSummary = z.infer<typeof ZCreditsSummary>;

export const ZTimeCreditRules = z.object({
  description: z.string(),
  minutesPerCredit: z.number().int(),
  minCreditsPerCompletion: z.number().int(),
  maxCreditsPerCompletion: z.number().int(),
  defaultEffortMinutes: z.number().int(),
});
