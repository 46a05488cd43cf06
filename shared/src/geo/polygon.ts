import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import kinks from '@turf/kinks';
import type { LatLng } from './distance';

export type Position = [number, number] | [number, number, number];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type AreaBoundary = PolygonGeometry | MultiPolygonGeometry;

/** Point-in-area test (holes respected); turf does the ray casting. */
export function boundaryContains(boundary: AreaBoundary, p: LatLng): boolean {
  return booleanPointInPolygon([p.lng, p.lat], boundary);
}

/** Every outer-ring vertex, for fitting a map view to the area. */
export function boundaryPoints(boundary: AreaBoundary): LatLng[] {
  const polys = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  return polys.flatMap((rings) => (rings[0] ?? []).map(([lng, lat]) => ({ lng, lat })));
}

/** A polygon whose edges cross itself is not a usable boundary. */
export function boundaryIsSimple(boundary: AreaBoundary): boolean {
  return kinks(boundary).features.length === 0;
}
