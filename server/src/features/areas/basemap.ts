/**
 * An area's own streets from an OpenStreetMap extract the council supplies (a GeoJSON file
 * made with osmium, ogr2ogr or Overpass): converted by the shared rule to the kinds the map
 * draws, kept to the area's box, stored with the ODbL attribution, and audit-logged. The map
 * then needs no online tile server.
 */
import { z } from 'zod';
import {
  bboxOfPoints,
  boundaryPoints,
  osmExtractToMapFeatures,
  type AreaBoundary,
  type ExtractSummary,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError } from '../../lib/errors';
import type { AuditService } from '../audit/service';
import * as repo from './repo';

const ZExtract = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.record(z.string(), z.unknown()).nullable(),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
    }),
  ),
});

export interface BasemapDeps {
  audit: Pick<AuditService, 'record'>;
  rowBySlug(slug: string): Promise<repo.AreaRow>;
  forget(row: repo.AreaRow): void;
}

/** The uploaded file as an extract, or a 400 naming the `extract` field and what is wrong. */
function parseExtract(file: Buffer | null): z.infer<typeof ZExtract> {
  if (!file) throw AppError.field('extract', 'attach the OpenStreetMap extract as a GeoJSON file');
  let json: unknown;
  try {
    json = JSON.parse(file.toString('utf8'));
  } catch {
    throw AppError.field('extract', 'the file is not JSON: export the extract as GeoJSON');
  }
  const parsed = ZExtract.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw AppError.field('extract', `not a GeoJSON FeatureCollection${where}: ${issue?.message}`);
  }
  return parsed.data;
}

export function createBasemapImport(infra: Pick<Infra, 'db'>, deps: BasemapDeps) {
  return async function importBasemap(
    actorId: string | null,
    slug: string,
    file: Buffer | null,
  ): Promise<ExtractSummary> {
    const extract = parseExtract(file);
    const row = await deps.rowBySlug(slug);
    const boundary = row.boundary as AreaBoundary;
    const { map, summary } = osmExtractToMapFeatures(extract, {
      name: row.name,
      boundary,
      bbox: [...bboxOfPoints(boundaryPoints(boundary))] as [number, number, number, number],
    });
    if (map.features.length <= 1)
      throw AppError.field('extract', 'nothing in the file lies inside the area or is drawable');
    await infra.db.transaction(async (tx) => {
      await repo.setMapFeatures(tx, row.id, map);
      await deps.audit.record(tx, {
        areaId: row.id,
        actorId,
        action: 'area.basemap',
        entityType: 'area',
        entityId: row.id,
        before: null,
        after: { kept: summary.kept, dropped: summary.dropped },
      });
    });
    deps.forget(row);
    return summary;
  };
}
