import multer from 'multer';
import { areasContracts as api } from '@govcraft/shared';
import {
  areaOfSlug,
  defineRoute,
  PLATFORM_ADMIN,
  PUBLIC,
  SIGNED_IN,
  userIdOf,
  type AnyRouteSpec,
} from '../../http/route';
import type { AuditService } from '../audit/service';
import type { AreasService } from './service';

/** A neighbourhood's OpenStreetMap extract is a few MB of GeoJSON; held in memory to parse. */
const EXTRACT_MAX_BYTES = 25 * 1024 * 1024;
const extractUpload = () =>
  multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: EXTRACT_MAX_BYTES, files: 1, fields: 2, parts: 3 },
  }).single('extract');

export function areasRoutes(areas: AreasService, audit: AuditService): AnyRouteSpec[] {
  return [
    defineRoute(api.listAreas, {
      access: PUBLIC,
      handler: async () => ({ items: await areas.list() }),
    }),
    defineRoute(api.createArea, {
      access: PLATFORM_ADMIN,
      handler: ({ actor, body }) => areas.create(userIdOf(actor), body),
    }),
    defineRoute(api.getArea, {
      access: PUBLIC,
      handler: ({ params }) => areas.bySlug(params.slug),
    }),
    defineRoute(api.getAreaMap, {
      access: PUBLIC,
      handler: ({ params }) => areas.mapFeatures(params.slug),
    }),
    defineRoute(api.importBasemap, {
      access: areaOfSlug(areas, 'admin'),
      rateLimit: 'write',
      before: [extractUpload()],
      handler: ({ actor, params, req }) =>
        areas.importBasemap(actor?.userId ?? null, params.slug, req.file?.buffer ?? null),
    }),
    defineRoute(api.archiveArea, {
      access: PLATFORM_ADMIN,
      handler: ({ actor, params }) => areas.archive(userIdOf(actor), params.slug),
    }),
    defineRoute(api.restoreArea, {
      access: PLATFORM_ADMIN,
      handler: ({ actor, params }) => areas.restore(userIdOf(actor), params.slug),
    }),
    defineRoute(api.deleteArea, {
      access: PLATFORM_ADMIN,
      handler: ({ actor, params }) => areas.remove(userIdOf(actor), params.slug),
    }),
    defineRoute(api.joinArea, {
      access: SIGNED_IN,
      handler: ({ actor, params }) => areas.join(userIdOf(actor), params.slug),
    }),
    defineRoute(api.listAreaMembers, {
      access: areaOfSlug(areas, 'officer'),
      handler: async ({ params }) => ({ items: await areas.members(params.slug) }),
    }),
    defineRoute(api.setMemberRole, {
      access: areaOfSlug(areas, 'admin'),
      handler: ({ actor, params, body }) =>
        areas.setRole(userIdOf(actor), params.slug, params.userId, body.role),
    }),
    defineRoute(api.createInvite, {
      access: areaOfSlug(areas, 'admin'),
      handler: ({ actor, params, body }) => areas.createInvite(userIdOf(actor), params.slug, body),
    }),
    defineRoute(api.acceptInvite, {
      access: SIGNED_IN,
      rateLimit: 'password',
      handler: ({ actor, body }) => areas.acceptInvite(userIdOf(actor), body.code),
    }),
    defineRoute(api.getAuditLog, {
      access: areaOfSlug(areas, 'moderator'),
      handler: async ({ params, query }) =>
        audit.page(await areas.idOfSlug(params.slug), query.cursor, query.limit),
    }),
  ];
}
