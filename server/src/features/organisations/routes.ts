import { organisationsContracts as api } from '@govcraft/shared';
import {
  areaOfSlug,
  defineRoute,
  PUBLIC,
  SIGNED_IN,
  userIdOf,
  type AnyRouteSpec,
  type AreaLookup,
} from '../../http/route';
import type { OrganisationsService } from './service';

export function organisationsRoutes(s: OrganisationsService, areas: AreaLookup): AnyRouteSpec[] {
  const { organisations: orgs, pitches } = s;
  /** Membership of the organisation is checked by the service, not by an area role. */
  const write = { access: SIGNED_IN, rateLimit: 'write' } as const;
  const officer = { access: areaOfSlug(areas, 'officer'), rateLimit: 'write' } as const;
  return [
    defineRoute(api.listOrganisations, {
      access: PUBLIC,
      handler: ({ params }) => orgs.list(params.slug),
    }),
    defineRoute(api.listMyOrganisations, {
      access: SIGNED_IN,
      handler: ({ actor, params }) => orgs.mine(userIdOf(actor), params.slug),
    }),
    defineRoute(api.createOrganisation, {
      ...write,
      handler: ({ actor, params, body }) => orgs.create(userIdOf(actor), params.slug, body),
    }),
    defineRoute(api.getOrganisation, {
      access: PUBLIC,
      handler: ({ actor, params }) => orgs.get(params.organisationId, actor?.userId ?? null),
    }),
    defineRoute(api.joinOrganisation, {
      access: SIGNED_IN,
      // Codes are secrets: the password budget keeps guessing slow.
      rateLimit: 'password',
      handler: ({ actor, body }) => orgs.join(userIdOf(actor), body.code),
    }),
    defineRoute(api.verifyOrganisation, {
      ...officer,
      handler: ({ actor, params }) =>
        orgs.verify(userIdOf(actor), params.slug, params.organisationId),
    }),
    defineRoute(api.listPitches, {
      access: PUBLIC,
      handler: ({ params, query }) => pitches.list(params.slug, query.status),
    }),
    defineRoute(api.listMyPitches, {
      access: SIGNED_IN,
      handler: ({ actor, params }) => pitches.mine(userIdOf(actor), params.slug),
    }),
    defineRoute(api.createPitch, {
      ...write,
      handler: ({ actor, params, body }) => pitches.create(userIdOf(actor), params.slug, body),
    }),
    defineRoute(api.getPitch, {
      access: PUBLIC,
      handler: ({ actor, params }) => pitches.get(params.pitchId, actor),
    }),
    defineRoute(api.updatePitch, {
      ...write,
      handler: ({ actor, params, body }) => pitches.update(userIdOf(actor), params.pitchId, body),
    }),
    defineRoute(api.submitPitch, {
      ...write,
      handler: ({ actor, params }) => pitches.submit(userIdOf(actor), params.pitchId),
    }),
    defineRoute(api.decidePitch, {
      ...officer,
      handler: ({ actor, params, body }) =>
        pitches.decide(userIdOf(actor), params.slug, params.pitchId, body),
    }),
    defineRoute(api.releaseMilestone, {
      ...officer,
      handler: ({ actor, params, body }) =>
        pitches.release(userIdOf(actor), params.slug, params.pitchId, params.milestoneId, body),
    }),
    defineRoute(api.getPitchLedger, {
      access: PUBLIC,
      handler: ({ actor, params }) => pitches.ledger(params.pitchId, actor),
    }),
  ];
}
