import { creditsContracts as api } from '@govcraft/shared';
import {
  areaOfSlug,
  defineRoute,
  PUBLIC,
  SIGNED_IN,
  userIdOf,
  type AnyRouteSpec,
} from '../../http/route';
import type { AreasService } from '../areas/service';
import type { CreditsService } from './service';

/** Partner routes are open to signed-in callers; the service lets only the partner's staff through. */
export function creditsRoutes(credits: CreditsService, areas: AreasService): AnyRouteSpec[] {
  return [
    defineRoute(api.listOffers, {
      access: PUBLIC,
      handler: ({ params }) => credits.listOffers(params.slug),
    }),
    defineRoute(api.getMyCredits, {
      access: SIGNED_IN,
      handler: ({ actor, params }) => credits.balance(userIdOf(actor), params.slug),
    }),
    defineRoute(api.createPartner, {
      access: areaOfSlug(areas, 'officer'),
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        credits.createPartner(userIdOf(actor), params.slug, body),
    }),
    defineRoute(api.redeemOffer, {
      access: SIGNED_IN,
      rateLimit: 'write',
      handler: ({ actor, params }) => credits.redeem(userIdOf(actor), params.offerId),
    }),
    defineRoute(api.listMyPartners, {
      access: SIGNED_IN,
      handler: ({ actor }) => credits.myPartners(userIdOf(actor)),
    }),
    defineRoute(api.createOffer, {
      access: SIGNED_IN,
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        credits.createOffer(userIdOf(actor), params.partnerId, body),
    }),
    defineRoute(api.listPartnerRedemptions, {
      access: SIGNED_IN,
      handler: ({ actor, params }) => credits.partnerRedemptions(userIdOf(actor), params.partnerId),
    }),
    defineRoute(api.confirmRedemption, {
      access: SIGNED_IN,
      rateLimit: 'write',
      handler: ({ actor, params, body }) =>
        credits.confirm(userIdOf(actor), params.partnerId, body.code),
    }),
  ];
}
