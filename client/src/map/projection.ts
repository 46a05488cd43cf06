/**
 * Map coordinates. Geometry is projected once to web-mercator pixels at a fixed base zoom,
 * shifted so the area's north-west corner is the origin; the camera then pans and zooms
 * that flat world. Phaser never sees latitude or longitude.
 */
import { fromPixels, toPixels, zoomToFit, type BBox, type LatLng } from '@govcraft/shared';

/** Streets and parks are drawn at this zoom; camera zoom 1 shows the map at it. */
export const BASE_ZOOM = 17;

export interface Projection {
  toWorld(p: LatLng): { x: number; y: number };
  toLatLng(w: { x: number; y: number }): LatLng;
  /** World size of the area's bbox in pixels. */
  width: number;
  height: number;
  /** Camera zoom that fits the bbox into a viewport, with a margin. */
  fitZoom(viewW: number, viewH: number, marginPx?: number): number;
  /** Metres per world pixel near the area (for radius circles). */
  metresPerPixel: number;
}

export function createProjection(bbox: BBox): Projection {
  const nw = toPixels({ lng: bbox[0], lat: bbox[3] }, BASE_ZOOM);
  const se = toPixels({ lng: bbox[2], lat: bbox[1] }, BASE_ZOOM);
  const midLat = (bbox[1] + bbox[3]) / 2;
  const metresPerPixel =
    (40_075_016.686 * Math.cos((midLat * Math.PI) / 180)) / (256 * 2 ** BASE_ZOOM);
  return {
    toWorld(p) {
      const px = toPixels(p, BASE_ZOOM);
      return { x: px.x - nw.x, y: px.y - nw.y };
    },
    toLatLng(w) {
      return fromPixels({ x: w.x + nw.x, y: w.y + nw.y }, BASE_ZOOM);
    },
    width: se.x - nw.x,
    height: se.y - nw.y,
    fitZoom(viewW, viewH, marginPx = 24) {
      const z = zoomToFit(
        bbox,
        Math.max(1, viewW - 2 * marginPx),
        Math.max(1, viewH - 2 * marginPx),
      );
      return 2 ** (z - BASE_ZOOM);
    },
    metresPerPixel,
  };
}

/** Clamp for the camera: from a little wider than the whole area to street level. */
export function zoomLimits(fit: number): { min: number; max: number } {
  return { min: fit * 0.5, max: Math.max(fit * 8, 4) };
}
