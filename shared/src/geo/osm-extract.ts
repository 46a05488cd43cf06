/**
 * Turns an OpenStreetMap extract (GeoJSON as osmium, ogr2ogr or osmtogeojson write it, tags
 * flat in `properties` or under `properties.tags`) into the area map's drawing kinds: streets,
 * parks, water, buildings and landmarks, kept to the area's box. The council supplies the file
 * once; the map then needs no tile server. The data is OpenStreetMap's, under the ODbL, and
 * the result carries the attribution the licence asks for.
 */
import type { MapFeatures } from '../schemas/areas';
import type { AreaBoundary } from './polygon';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors, ODbL 1.0';
export const MAP_FEATURES_MAX = 5000;

type Tags = Record<string, unknown>;
type Kind = 'street' | 'park' | 'water' | 'building' | 'landmark';

export interface OsmKind {
  kind: Kind;
  major?: boolean;
  landmark?: string;
}

const MAJOR_ROADS = new Set(['motorway', 'trunk', 'primary', 'secondary', 'tertiary']);
const MINOR_ROADS = new Set([
  'residential',
  'unclassified',
  'living_street',
  'service',
  'pedestrian',
  'road',
]);
const PARKS = new Set([
  'park',
  'garden',
  'playground',
  'recreation_ground',
  'nature_reserve',
  'common',
]);
const GREEN_LAND = new Set([
  'grass',
  'recreation_ground',
  'village_green',
  'allotments',
  'meadow',
  'forest',
]);
const WATERWAYS = new Set(['river', 'canal', 'stream', 'riverbank']);
const LANDMARK_AMENITIES: Record<string, string> = {
  library: 'library',
  school: 'school',
  place_of_worship: 'church',
  community_centre: 'community_centre',
  townhall: 'townhall',
  hospital: 'hospital',
};

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Which drawing kind an OSM feature is, or null for what an area map leaves out (footpaths…). */
export function classifyOsmTags(tags: Tags, geometryType: string): OsmKind | null {
  const area = geometryType === 'Polygon' || geometryType === 'MultiPolygon';
  const highway = text(tags.highway);
  if (highway && MAJOR_ROADS.has(highway)) return { kind: 'street', major: true };
  if (highway && MINOR_ROADS.has(highway)) return { kind: 'street', major: false };
  const waterway = text(tags.waterway);
  if (
    tags.natural === 'water' ||
    tags.landuse === 'reservoir' ||
    (waterway && WATERWAYS.has(waterway))
  )
    return { kind: 'water' };
  if (area && (PARKS.has(text(tags.leisure) ?? '') || GREEN_LAND.has(text(tags.landuse) ?? '')))
    return { kind: 'park' };
  const amenity = text(tags.amenity);
  const landmark =
    (amenity && LANDMARK_AMENITIES[amenity]) ||
    (tags.railway === 'station' ? 'station' : undefined);
  if (landmark) return { kind: area ? 'building' : 'landmark', landmark };
  if (area && tags.building !== undefined && tags.building !== 'no') return { kind: 'building' };
  return null;
}

interface ExtractFeature {
  type?: string;
  properties: Tags | null;
  geometry: { type: string; coordinates: unknown } | null;
}

export interface ExtractSummary {
  kept: Record<Kind, number>;
  /** Features outside the area's box, of a kind a map leaves out, or past the size limit. */
  dropped: { outside: number; unused: number; overLimit: number };
}

/** Flat positions of any GeoJSON geometry, for the box test. */
function positions(c: unknown, out: [number, number][] = []): [number, number][] {
  if (!Array.isArray(c)) return out;
  if (typeof c[0] === 'number' && typeof c[1] === 'number') out.push([c[0], c[1]]);
  else for (const part of c) positions(part, out);
  return out;
}

/** Lower draws first and survives the size limit longest. */
const PRIORITY: Record<Kind, number> = { water: 0, park: 1, street: 2, landmark: 3, building: 4 };

export function osmExtractToMapFeatures(
  extract: { features: ExtractFeature[] },
  area: { bbox: [number, number, number, number]; boundary: AreaBoundary; name: string },
  attribution = OSM_ATTRIBUTION,
): { map: MapFeatures; summary: ExtractSummary } {
  const [minLng, minLat, maxLng, maxLat] = area.bbox;
  const inBox = ([lng, lat]: [number, number]) =>
    lng >= minLng && lng <= maxLng && lat >= minLat && lat <= maxLat;
  const summary: ExtractSummary = {
    kept: { street: 0, park: 0, water: 0, building: 0, landmark: 0 },
    dropped: { outside: 0, unused: 0, overLimit: 0 },
  };
  const kept: { kind: OsmKind; feature: MapFeatures['features'][number] }[] = [];
  for (const f of extract.features) {
    if (!f.geometry) continue;
    const props = f.properties ?? {};
    const tags = (
      typeof props.tags === 'object' && props.tags !== null ? props.tags : props
    ) as Tags;
    const kind = classifyOsmTags(tags, f.geometry.type);
    if (!kind) {
      summary.dropped.unused += 1;
      continue;
    }
    if (!positions(f.geometry.coordinates).some(inBox)) {
      summary.dropped.outside += 1;
      continue;
    }
    const name = text(tags.name);
    kept.push({
      kind,
      feature: {
        type: 'Feature',
        properties: { ...kind, ...(name ? { name } : {}) },
        geometry: f.geometry,
      },
    });
  }
  kept.sort((a, b) => PRIORITY[a.kind.kind] - PRIORITY[b.kind.kind]);
  const room = MAP_FEATURES_MAX - 1;
  summary.dropped.overLimit = Math.max(0, kept.length - room);
  const chosen = kept.slice(0, room);
  for (const k of chosen) summary.kept[k.kind.kind] += 1;
  const boundary = {
    type: 'Feature' as const,
    properties: { kind: 'boundary', name: area.name },
    geometry: area.boundary,
  };
  return {
    map: {
      type: 'FeatureCollection',
      attribution,
      features: [boundary, ...chosen.map((k) => k.feature)],
    },
    summary,
  };
}
