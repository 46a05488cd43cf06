/** Time credits: earned by verified participation, spent with local partners. */
import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import { createCreditLedger } from './ledger';
import { createPartners } from './partners';
import { createRedemptions } from './redeem';
import * as repo from './repo';

export function createCreditsService(
  infra: Pick<Infra, 'db' | 'clock' | 'logger'>,
  deps: { areas: Pick<AreasService, 'bySlug'> },
) {
  const ledger = createCreditLedger(infra);
  const partners = createPartners(infra, deps);
  const redemptions = createRedemptions(infra, { ...deps, partners });
  return {
    ...ledger,
    createPartner: partners.create,
    createOffer: partners.createOffer,
    listOffers: partners.listOffers,
    myPartners: partners.mine,
    redeem: redemptions.redeem,
    confirm: redemptions.confirm,
    partnerRedemptions: redemptions.partnerRedemptions,
    balance: redemptions.balance,
    /** Every account's balance in the area (the ledger balances when they sum to zero). */
    balancesInArea: (areaId: string) => repo.balancesInArea(infra.db, areaId),
  };
}
export type CreditsService = ReturnType<typeof createCreditsService>;
