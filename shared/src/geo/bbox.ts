import type { LatLng } from './distance';

/** [minLng, minLat, maxLng, maxLat], the GeoJSON bbox order. */
export type BBox = readonly [number, number, number, number];

export function bboxContains(bbox: BBox, p: LatLng): boolean {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  return p.lng >= minLng && p.lng <= maxLng && p.lat >= minLat && p.lat <= maxLat;
}

export function bboxOfPoints(points: readonly LatLng[]): BBox {
  if (points.length === 0) throw new RangeError('bboxOfPoints needs at least one point');
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const p of points) {
    minLng = Math.min(minLng, p.lng);
    minLat = Math.min(minLat, p.lat);
    maxLng = Math.max(maxLng, p.lng);
    maxLat = Math.max(maxLat, p.lat);
  }
  return [minLng, minLat, maxLng, maxLat];
}
