import { z } from 'zod';
import { ZId, ZIsoDateTime, ZLimit, ZList, ZPage, ZPlainText, ZSlug } from './common';
import { ZAreaRole } from './domain';
import { ZAreaBoundary } from './geo';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const ZTimeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, 'use an IANA time zone such as Europe/London');

/** Map drawing data: any GeoJSON FeatureCollection; size-limited. */
export const ZMapFeatures = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.record(z.string(), z.unknown()).nullable(),
        geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
      }),
    )
    .max(5000),
  /** Whose data this is, shown on the map as its licence requires (e.g. OpenStreetMap's ODbL). */
  attribution: z.string().max(200).optional(),
});
export type MapFeatures = z.infer<typeof ZMapFeatures>;

/** An OpenStreetMap extract upload: the GeoJSON file in the multipart field `extract`. */
export const ZImportBasemapForm = z.object({});

const ZKindCounts = z.object({
  street: z.number().int(),
  park: z.number().int(),
  water: z.number().int(),
  building: z.number().int(),
  landmark: z.number().int(),
});
/** What an imported extract gave the map, and what it left out and why. */
export const ZBasemapImportSummary = z.object({
  kept: ZKindCounts,
  dropped: z.object({
    outside: z.number().int(),
    unused: z.number().int(),
    overLimit: z.number().int(),
  }),
});
export type BasemapImportSummary = z.infer<typeof ZBasemapImportSummary>;

export const ZCreateAreaRequest = z.object({
  name: ZPlainText(80, { min: 2 }),
  slug: ZSlug,
  timezone: ZTimeZone,
  boundary: ZAreaBoundary,
  mapFeatures: ZMapFeatures.optional(),
});
export type CreateAreaRequest = z.infer<typeof ZCreateAreaRequest>;

export const ZArea = z.object({
  id: ZId,
  slug: ZSlug,
  name: z.string(),
  timezone: z.string(),
  boundary: ZAreaBoundary,
  /** [minLng, minLat, maxLng, maxLat] of the boundary. */
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  createdAt: ZIsoDateTime,
  /** When a platform admin archived the area (read-only); null while it is open. */
  archivedAt: ZIsoDateTime.nullable(),
});
export type Area = z.infer<typeof ZArea>;

export const ZAreaList = ZList(ZArea);

export const ZCreateInviteRequest = z.object({
  role: z.enum(['officer', 'moderator', 'admin']).default('officer'),
  /** Hours until the invite expires. */
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(72),
});
export type CreateInviteRequest = z.infer<typeof ZCreateInviteRequest>;

export const ZInviteResponse = z.object({
  code: z.string(),
  role: ZAreaRole,
  expiresAt: ZIsoDateTime,
  /** Path the invitee opens while signed in. */
  acceptPath: z.string(),
});

export const ZAcceptInviteRequest = z.object({ code: z.string().min(10).max(100) });

export const ZSetRoleRequest = z.object({ role: ZAreaRole });
export const ZSetRoleResponse = z.object({ userId: ZId, role: ZAreaRole });
export const ZJoinAreaResponse = z.object({ role: ZAreaRole });
export const ZAreaMemberParams = z.object({ slug: ZSlug, userId: ZId });

export const ZAreaMember = z.object({
  userId: ZId,
  displayName: z.string(),
  role: ZAreaRole,
  joinedAt: ZIsoDateTime,
});
export const ZAreaMemberList = ZList(ZAreaMember);

export const ZAuditEntry = z.object({
  id: z.number().int(),
  actorId: ZId.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  at: ZIsoDateTime,
});
export const ZAuditPage = ZPage(ZAuditEntry);
export const ZAuditQuery = z.object({
  cursor: z.coerce.number().int().positive().optional(),
  limit: ZLimit(200, 50),
});
