import { createHash, randomBytes } from 'node:crypto';
import {
  boundaryContains,
  boundaryPoints,
  bboxOfPoints,
  type Area,
  type AreaBoundary,
  type AreaRole,
  type CreateAreaRequest,
  type CreateInviteRequest,
  type LatLng,
  type MapFeatures,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import { archivedAreaError, createAreaArchive } from './archive';
import { createBasemapImport } from './basemap';
import * as repo from './repo';

const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

export function toArea(row: repo.AreaRow): Area {
  const boundary = row.boundary as AreaBoundary;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timezone: row.timezone,
    boundary,
    bbox: [...bboxOfPoints(boundaryPoints(boundary))] as Area['bbox'],
    createdAt: row.createdAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

/** How long a node trusts its cached copy of an area that another node may have archived. */
const AREA_CACHE_MS = 10_000;

export function createAreasService(
  infra: Pick<Infra, 'db' | 'clock'>,
  deps: { audit: AuditService },
) {
  // Areas change rarely and every area-scoped request resolves one: cache slug/id lookups,
  // briefly, so an area archived or deleted through another node is seen here soon.
  const cache = new Map<string, { row: repo.AreaRow; until: number }>();
  const cached = (key: string) => {
    const hit = cache.get(key);
    return hit && hit.until > Date.now() ? hit.row : null;
  };
  const remember = (row: repo.AreaRow) => {
    const until = Date.now() + AREA_CACHE_MS;
    cache.set(`slug:${row.slug}`, { row, until });
    cache.set(`id:${row.id}`, { row, until });
    return row;
  };
  const forget = (row: repo.AreaRow) => {
    cache.delete(`slug:${row.slug}`);
    cache.delete(`id:${row.id}`);
  };

  async function rowBySlug(slug: string): Promise<repo.AreaRow> {
    const hit = cached(`slug:${slug}`);
    if (hit) return hit;
    const row = await repo.findAreaBySlug(infra.db, slug);
    if (!row) throw notFound(`area "${slug}"`);
    return remember(row);
  }

  async function rowById(id: string): Promise<repo.AreaRow> {
    const hit = cached(`id:${id}`);
    if (hit) return hit;
    const row = await repo.findAreaById(infra.db, id);
    if (!row) throw notFound('area');
    return remember(row);
  }

  async function create(actorId: string | null, input: CreateAreaRequest): Promise<Area> {
    return infra.db.transaction(async (tx) => {
      const row = await repo.insertArea(tx, {
        slug: input.slug,
        name: input.name,
        timezone: input.timezone,
        boundary: input.boundary,
        mapFeatures: input.mapFeatures ?? null,
      });
      if (!row) {
        throw new AppError('conflict', 'slug: an area with this slug already exists', {
          issues: [{ path: 'slug', message: 'an area with this slug already exists' }],
        });
      }
      await deps.audit.record(tx, {
        areaId: row.id,
        actorId,
        action: 'area.create',
        entityType: 'area',
        entityId: row.id,
        after: { slug: row.slug, name: row.name },
      });
      return toArea(row);
    });
  }

  /** Joining is open: anyone signed in becomes a resident of any area that is not archived. */
  async function join(userId: string, slug: string): Promise<{ role: AreaRole }> {
    const area = await rowBySlug(slug);
    const existing = await repo.findMembership(infra.db, area.id, userId);
    if (existing) return { role: existing.role as AreaRole };
    if (area.archivedAt) throw archivedAreaError(area);
    await repo.upsertMembership(infra.db, area.id, userId, 'resident');
    return { role: 'resident' };
  }

  async function setRole(actorId: string, slug: string, userId: string, role: AreaRole) {
    const area = await rowBySlug(slug);
    await infra.db.transaction(async (tx) => {
      const before = await repo.upsertMembership(tx, area.id, userId, role);
      await deps.audit.record(tx, {
        areaId: area.id,
        actorId,
        action: 'role.change',
        entityType: 'user',
        entityId: userId,
        before: { role: before },
        after: { role },
      });
    });
    return { userId, role };
  }

  async function createInvite(actorId: string, slug: string, input: CreateInviteRequest) {
    const area = await rowBySlug(slug);
    const code = randomBytes(18).toString('base64url');
    const expiresAt = new Date(infra.clock.now().getTime() + input.expiresInHours * 3600_000);
    await infra.db.transaction(async (tx) => {
      const invite = await repo.insertInvite(tx, {
        areaId: area.id,
        codeHash: hashCode(code),
        role: input.role,
        createdBy: actorId,
        expiresAt,
      });
      await deps.audit.record(tx, {
        areaId: area.id,
        actorId,
        action: 'invite.create',
        entityType: 'invite',
        entityId: invite.id,
        after: { role: input.role, expiresAt: expiresAt.toISOString() },
      });
    });
    return {
      code,
      role: input.role,
      expiresAt: expiresAt.toISOString(),
      acceptPath: `/invite/${code}`,
    };
  }

  /** Single use; an expired, used or unknown code all answer the same. */
  async function acceptInvite(userId: string, code: string) {
    return infra.db.transaction(async (tx) => {
      const invite = await repo.claimInvite(tx, hashCode(code), userId, infra.clock.now());
      if (!invite)
        throw new AppError('gone', 'code: this invite is unknown, used or expired', {
          issues: [{ path: 'code', message: 'this invite is unknown, used or expired' }],
        });
      const before = await repo.upsertMembership(tx, invite.areaId, userId, invite.role);
      await deps.audit.record(tx, {
        areaId: invite.areaId,
        actorId: userId,
        action: 'role.change',
        entityType: 'user',
        entityId: userId,
        before: { role: before },
        after: { role: invite.role, via: 'invite', inviteId: invite.id },
      });
      const area = await rowById(invite.areaId);
      return { areaId: area.id, slug: area.slug, name: area.name, role: invite.role as AreaRole };
    });
  }

  const archive = createAreaArchive(infra, { audit: deps.audit, rowBySlug, forget });
  const importBasemap = createBasemapImport(infra, { audit: deps.audit, rowBySlug, forget });

  return {
    create,
    join,
    archive: async (actorId: string, slug: string) => toArea(await archive.archive(actorId, slug)),
    restore: async (actorId: string, slug: string) => toArea(await archive.restore(actorId, slug)),
    remove: archive.remove,
    importBasemap,
    /**
     * Refuses (409, naming the area) when the area is archived: for writers that want to
     * say so before doing any work. The database refuses such writes in any case.
     */
    assertWritable: async (areaId: string) => {
      const row = await rowById(areaId);
      if (row.archivedAt) throw archivedAreaError(row);
    },
    setRole,
    createInvite,
    acceptInvite,
    list: async () => (await repo.listAreas(infra.db)).map(toArea),
    bySlug: async (slug: string) => toArea(await rowBySlug(slug)),
    byId: async (id: string) => toArea(await rowById(id)),
    /** Area id for a slug; 404 when unknown. Used by route guards. */
    idOfSlug: async (slug: string) => (await rowBySlug(slug)).id,
    mapFeatures: async (slug: string): Promise<MapFeatures> =>
      ((await rowBySlug(slug)).mapFeatures as MapFeatures | null) ?? {
        type: 'FeatureCollection',
        features: [],
      },
    contains: async (areaId: string, point: LatLng) =>
      boundaryContains((await rowById(areaId)).boundary as AreaBoundary, point),
    members: async (slug: string) => {
      const area = await rowBySlug(slug);
      const rows = await repo.listMembers(infra.db, area.id);
      return rows.map((r) => ({
        ...r,
        role: r.role as AreaRole,
        joinedAt: r.joinedAt.toISOString(),
      }));
    },
  };
}
export type AreasService = ReturnType<typeof createAreasService>;
