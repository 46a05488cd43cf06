/**
 * A second location fix a few seconds after the check-in. When it agrees with the first, the
 * verifier knows the position is not a momentary GPS jump, which is the only case where a move
 * faster than anyone can travel is turned down rather than sent to an officer.
 */
const SETTLE_MS = 3000;
const FIX_TIMEOUT_MS = 10_000;

export interface Fix {
  lat: number;
  lng: number;
  accuracyM: number;
}

export function secondFix(): Promise<Fix | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    setTimeout(() => {
      navigator.geolocation.getCurrentPosition(
        (pos) =>
          resolve({
            lat: pos.coords.latitude,
            lng: pos.coords.longitude,
            accuracyM: Math.max(0, Math.round(pos.coords.accuracy)),
          }),
        () => resolve(null),
        { enableHighAccuracy: true, maximumAge: 0, timeout: FIX_TIMEOUT_MS },
      );
    }, SETTLE_MS);
  });
}
