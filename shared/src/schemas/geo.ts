import { z } from 'zod';
import { boundaryIsSimple, type AreaBoundary } from '../geo/polygon';

export const ZLat = z.number().min(-90).max(90);
export const ZLng = z.number().min(-180).max(180);
export const ZLatLng = z.object({ lat: ZLat, lng: ZLng });
export type LatLngInput = z.infer<typeof ZLatLng>;

const ZPosition = z.union([z.tuple([ZLng, ZLat]), z.tuple([ZLng, ZLat, z.number()])]);

const ZLinearRing = z
  .array(ZPosition)
  .min(4, 'a ring needs at least 4 positions (the first repeated at the end)')
  .max(10_000)
  .refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return !!first && !!last && first[0] === last[0] && first[1] === last[1];
  }, 'a ring must end where it starts');

const ZPolygonCoords = z.array(ZLinearRing).min(1).max(100);

export const ZPolygon = z.object({ type: z.literal('Polygon'), coordinates: ZPolygonCoords });
export const ZMultiPolygon = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(ZPolygonCoords).min(1).max(100),
});

/** An area boundary: a GeoJSON Polygon or MultiPolygon whose edges do not cross. */
export const ZAreaBoundary = z
  .discriminatedUnion('type', [ZPolygon, ZMultiPolygon])
  .refine((b) => boundaryIsSimple(b as AreaBoundary), 'the boundary crosses itself');

/** bbox query text "minLng,minLat,maxLng,maxLat". */
export const ZBBoxText = z.string().transform((text, ctx) => {
  const parts = text.split(',').map((s) => Number(s.trim()));
  const [minLng, minLat, maxLng, maxLat] = parts;
  if (
    parts.length !== 4 ||
    parts.some((n) => !Number.isFinite(n)) ||
    minLng! < -180 ||
    maxLng! > 180 ||
    minLat! < -90 ||
    maxLat! > 90 ||
    minLng! > maxLng! ||
    minLat! > maxLat!
  ) {
    ctx.addIssue({
      code: 'custom',
      message: 'use minLng,minLat,maxLng,maxLat with min ≤ max, in degrees',
    });
    return z.NEVER;
  }
  return [minLng!, minLat!, maxLng!, maxLat!] as const;
});
