/**
 * The contract between DOM panels and the Phaser map. Panels see only these types and
 * map/bridge.ts, so Phaser stays in its own lazily loaded chunk.
 */
import type { Area, QuestStatus, Superpower } from '@govcraft/shared';

export interface MapMarker {
  id: string;
  title: string;
  lat: number;
  lng: number;
  radiusM: number;
  superpower: Superpower;
  status: QuestStatus;
  startsAt: string;
  endsAt: string;
}

export interface UserPosition {
  lat: number;
  lng: number;
  accuracyM: number;
}

export interface MapPreview {
  lat: number;
  lng: number;
  radiusM: number;
  superpower: Superpower;
}

export interface MapCallbacks {
  onMarkerSelect(questId: string): void;
  /** Set in the officer console, where a click on the map places a quest. */
  onMapClick?(p: { lat: number; lng: number }): void;
}

export interface MapController {
  setMarkers(markers: MapMarker[]): void;
  setUserPosition(p: UserPosition | null): void;
  setPreview(p: MapPreview | null): void;
  /** Draws the open quest's check-in circle (the radius the verifier uses); null hides it. */
  showGeofence(p: MapPreview | null): void;
  /** Centre on a point (e.g. the quest just opened in the sheet). */
  focus(p: { lat: number; lng: number }): void;
  zoomBy(factor: number): void;
  /** Where a point is on the page, in CSS pixels (used by e2e tests and by tooltips). */
  screenPointOf(p: { lat: number; lng: number }): { x: number; y: number } | null;
  destroy(): void;
}

export interface MapSetup {
  container: HTMLElement;
  area: Area;
  mapUrl: string;
  callbacks: MapCallbacks;
  reducedMotion: boolean;
}
