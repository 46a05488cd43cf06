/** One location reading for a form, asked for by a button, with its progress said in words. */

export interface LocateOnce {
  /** What the note says when the browser cannot share a location at all. */
  unsupported: string;
  /** How old a cached reading may be, in milliseconds. */
  maximumAge: number;
  found(pos: GeolocationPosition): void;
  failed(err: GeolocationPositionError): void;
}

/**
 * Asks the browser once where the device is. The button is disabled and the note says
 * "Finding where you are…" until `found` or `failed` runs.
 */
export function locateOnce(button: HTMLButtonElement, note: HTMLElement, ask: LocateOnce): void {
  if (!('geolocation' in navigator)) {
    note.textContent = ask.unsupported;
    return;
  }
  button.disabled = true;
  note.textContent = 'Finding where you are…';
  navigator.geolocation.getCurrentPosition(
    (pos) => {
      button.disabled = false;
      ask.found(pos);
    },
    (err) => {
      button.disabled = false;
      ask.failed(err);
    },
    { enableHighAccuracy: true, timeout: 20_000, maximumAge: ask.maximumAge },
  );
}
