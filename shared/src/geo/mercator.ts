import type { LatLng } from './distance';
import type { BBox } from './bbox';

/** Web-mercator latitude limit; beyond it the projection goes to infinity. */
export const MAX_MERCATOR_LAT = 85.05112878;

export interface WorldPoint {
  /** 0..1 from the antimeridian westwards edge to the eastern one. */
  x: number;
  /** 0..1 from the north edge to the south edge. */
  y: number;
}

/** Projects to normalised web-mercator world coordinates (zoom-independent). */
export function project(p: LatLng): WorldPoint {
  const lat = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, p.lat));
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: (p.lng + 180) / 360,
    y: 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI),
  };
}

export function unproject(w: WorldPoint): LatLng {
  const n = Math.PI - 2 * Math.PI * w.y;
  return {
    lng: w.x * 360 - 180,
    lat: (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n))),
  };
}

/** Pixel coordinates at a zoom level for 256-px tiles. */
export function toPixels(p: LatLng, zoom: number, tileSize = 256): { x: number; y: number } {
  const w = project(p);
  const scale = tileSize * 2 ** zoom;
  return { x: w.x * scale, y: w.y * scale };
}

export function fromPixels(px: { x: number; y: number }, zoom: number, tileSize = 256): LatLng {
  const scale = tileSize * 2 ** zoom;
  return unproject({ x: px.x / scale, y: px.y / scale });
}

/** The slippy-map tile holding a point. */
export function tileFor(p: LatLng, zoom: number): { x: number; y: number; z: number } {
  const w = project(p);
  const n = 2 ** zoom;
  return { x: Math.floor(w.x * n), y: Math.floor(w.y * n), z: zoom };
}

/** Largest integer-or-fractional zoom at which a bbox fits in a viewport of the given size. */
export function zoomToFit(bbox: BBox, widthPx: number, heightPx: number, tileSize = 256): number {
  const sw = project({ lng: bbox[0], lat: bbox[1] });
  const ne = project({ lng: bbox[2], lat: bbox[3] });
  const dx = Math.max(Math.abs(ne.x - sw.x), 1e-12);
  const dy = Math.max(Math.abs(sw.y - ne.y), 1e-12);
  return Math.log2(Math.min(widthPx / (dx * tileSize), heightPx / (dy * tileSize)));
}
