/**
 * What the device tells the resident app, kept in the store: where you are and whether
 * you are online. Location is tracked only after a tap on "Find me", or on load when the
 * site already has permission: never a prompt on load.
 */
import type { MapController } from '../map/bridge';
import { toast } from '../ui/toast';
import type { Store } from './state';

export interface PositionTracker {
  /** Starts tracking; `userAsked` centres the map on you and explains a failure. */
  watch(userAsked: boolean): void;
}

export function trackPosition(store: Store, map: () => MapController | null): PositionTracker {
  let watching = false;
  function watch(userAsked: boolean) {
    if (watching || !('geolocation' in navigator)) {
      if (userAsked && store.state.position) map()?.focus(store.state.position);
      return;
    }
    watching = true;
    navigator.geolocation.watchPosition(
      (pos) => {
        const first = !store.state.position;
        store.set('position', {
          lat: pos.coords.latitude,
          lng: pos.coords.longitude,
          accuracyM: pos.coords.accuracy,
        });
        if (first && userAsked) map()?.focus(store.state.position!);
      },
      () => {
        watching = false;
        if (userAsked)
          toast(
            'We could not get your location. Check that location is allowed for this site.',
            'error',
          );
      },
      { enableHighAccuracy: true, maximumAge: 30_000 },
    );
  }
  return { watch };
}

/** Resumes tracking without a tap only if location is already allowed for this site. */
export function resumeIfAllowed(tracker: PositionTracker): void {
  void navigator.permissions?.query({ name: 'geolocation' }).then(
    (p) => p.state === 'granted' && tracker.watch(false),
    () => undefined,
  );
}

/** Keeps `online` in the store and the offline banner in step with the browser. */
export function trackOnline(store: Store, banner: HTMLElement): void {
  function setOnline(on: boolean) {
    store.set('online', on);
    banner.hidden = on;
  }
  window.addEventListener('online', () => setOnline(true));
  window.addEventListener('offline', () => setOnline(false));
  setOnline(navigator.onLine);
}
