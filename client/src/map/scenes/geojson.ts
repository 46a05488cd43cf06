/** Reads the loosely typed GeoJSON of an area's map into drawable shapes. */
import type { LatLng, MapFeatures } from '@govcraft/shared';

export type FeatureKind =
  'boundary' | 'street' | 'park' | 'water' | 'building' | 'landmark' | 'other';

export interface Drawable {
  kind: FeatureKind;
  name: string | null;
  landmark: string | null;
  major: boolean;
  /** Lines and polygon outer rings, as lists of points. */
  lines: LatLng[][];
  polygons: LatLng[][];
  points: LatLng[];
}

const KINDS = new Set<FeatureKind>(['boundary', 'street', 'park', 'water', 'building', 'landmark']);

function isPosition(p: unknown): p is [number, number] {
  return Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number';
}
const toLatLng = (p: [number, number]): LatLng => ({ lng: p[0], lat: p[1] });
const ring = (r: unknown): LatLng[] => (Array.isArray(r) ? r.filter(isPosition).map(toLatLng) : []);

export function readFeatures(fc: MapFeatures): Drawable[] {
  const out: Drawable[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const props = f.properties ?? {};
    const kindText = String(props.kind ?? 'other');
    const d: Drawable = {
      kind: KINDS.has(kindText as FeatureKind) ? (kindText as FeatureKind) : 'other',
      name: typeof props.name === 'string' ? props.name : null,
      landmark: typeof props.landmark === 'string' ? props.landmark : null,
      major: props.major === true,
      lines: [],
      polygons: [],
      points: [],
    };
    const c = f.geometry.coordinates;
    switch (f.geometry.type) {
      case 'Point':
        if (isPosition(c)) d.points.push(toLatLng(c));
        break;
      case 'LineString':
        d.lines.push(ring(c));
        break;
      case 'MultiLineString':
        if (Array.isArray(c)) d.lines.push(...c.map(ring));
        break;
      case 'Polygon':
        if (Array.isArray(c)) d.polygons.push(ring(c[0]));
        break;
      case 'MultiPolygon':
        if (Array.isArray(c))
          for (const poly of c) if (Array.isArray(poly)) d.polygons.push(ring(poly[0]));
        break;
    }
    out.push(d);
  }
  return out;
}

/** Where a feature's label goes: the mean of its vertices, or the middle of its line. */
export function labelPoint(d: Drawable): LatLng | null {
  if (d.points[0]) return d.points[0];
  const poly = d.polygons[0];
  if (poly && poly.length) {
    const pts = poly.slice(0, -1).length ? poly.slice(0, -1) : poly;
    return {
      lat: pts.reduce((s, p) => s + p.lat, 0) / pts.length,
      lng: pts.reduce((s, p) => s + p.lng, 0) / pts.length,
    };
  }
  const line = d.lines[0];
  if (line && line.length) return line[Math.floor(line.length / 2)] ?? null;
  return null;
}
