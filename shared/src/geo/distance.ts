/** Mean Earth radius in metres (IUGG), the usual choice for haversine distances. */
export const EARTH_RADIUS_M = 6_371_008.8;

export interface LatLng {
  lat: number;
  lng: number;
}

const toRadians = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres between two WGS84 points. */
export function haversineMetres(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface GeofenceResult {
  inside: boolean;
  distanceM: number;
  allowedM: number;
}

/**
 * A check-in counts when the distance is within the radius plus the device's reported
 * accuracy; the accuracy allowance is capped so a vague fix cannot cover a whole town.
 */
export function checkGeofence(
  centre: LatLng,
  radiusM: number,
  point: LatLng,
  accuracyM: number,
  maxAccuracyAllowanceM = 50,
): GeofenceResult {
  const distanceM = haversineMetres(centre, point);
  const allowedM = radiusM + Math.min(Math.max(accuracyM, 0), maxAccuracyAllowanceM);
  return { inside: distanceM <= allowedM, distanceM, allowedM };
}
