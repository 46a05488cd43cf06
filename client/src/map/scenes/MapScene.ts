/**
 * The neighbourhood map, composed of layers: the drawing (area, streets, labels), the
 * markers (quests and clusters), the overlays (your position, the officer's preview) and
 * the input (pan and zoom by drag, pinch, wheel or the DOM zoom buttons).
 */
import Phaser from 'phaser';
import { ZMapFeatures, type LatLng } from '@govcraft/shared';
import type { MapMarker, MapPreview, MapSetup, UserPosition } from '../types';
import { createProjection, type Projection } from '../projection';
import { readFeatures } from './geojson';
import { drawArea, worldPoint } from './map-drawing';
import { MapInput } from './map-input';
import type { MapLabels } from './map-labels';
import { MarkerLayer } from './map-markers';
import { MapOverlays } from './map-overlays';
import { RenderOnDemand } from './render-on-demand';

/** Deadline rings drain slowly; redrawing them twice a minute is plenty and keeps the map asleep. */
const RING_REDRAW_MS = 30_000;

export class MapScene extends Phaser.Scene {
  private projection!: Projection;
  private labels!: MapLabels;
  private controls!: MapInput;
  private markerLayer!: MarkerLayer;
  private overlays!: MapOverlays;
  private lastZoom = 0;
  private onDemand: RenderOnDemand | null = null;
  /** Resolved by game.ts once the first frame with the drawing is ready. */
  onReady: (() => void) | null = null;

  constructor() {
    super('Map');
  }

  create(): void {
    const setup = this.registry.get('setup') as MapSetup;
    this.projection = createProjection(setup.area.bbox);
    const parsed = ZMapFeatures.safeParse(this.cache.json.get('area-map'));
    const drawables = parsed.success ? readFeatures(parsed.data) : [];
    if (parsed.success && parsed.data.attribution)
      showAttribution(setup.container, parsed.data.attribution);
    this.labels = drawArea(this, this.projection, drawables);
    this.controls = new MapInput(this, this.projection, setup);
    this.markerLayer = new MarkerLayer(this, this.projection, setup, this.controls);
    this.overlays = new MapOverlays(this, this.projection);
    this.controls.fitToArea();
    this.controls.listen();
    this.scale.on('resize', () => this.controls.onResize());
    const onDemand = new RenderOnDemand(this.game, this, setup.container);
    this.onDemand = onDemand;
    const rings = window.setInterval(() => {
      this.markerLayer.redrawRings();
      onDemand.wake();
    }, RING_REDRAW_MS);
    this.events.once('destroy', () => {
      window.clearInterval(rings);
      onDemand.detach();
    });
    this.onReady?.();
  }

  /** Frames drawn so far; an idle map adds none (see render-on-demand.ts). */
  get framesDrawn(): number {
    return this.onDemand?.frames ?? 0;
  }

  override update(): void {
    this.onDemand?.tick();
    const zoom = this.cameras.main.zoom;
    if (zoom !== this.lastZoom) {
      this.lastZoom = zoom;
      this.rescaleOverlays();
      this.layoutMarkers();
    }
  }

  /** Markers, labels and the user dot keep their on-screen size whatever the zoom. */
  private rescaleOverlays(): void {
    const zoom = this.cameras.main.zoom;
    this.markerLayer.rescale(zoom);
    this.labels.rescale(zoom, this.markerLayer.obstacles(zoom));
    this.overlays.rescale(zoom);
  }

  private layoutMarkers(): void {
    if (!this.projection) return;
    this.markerLayer.layout();
    this.rescaleOverlays();
  }

  setMarkers(markers: MapMarker[]): void {
    this.onDemand?.wake();
    this.markerLayer.set(markers);
    this.layoutMarkers();
  }

  setUserPosition(p: UserPosition | null): void {
    this.onDemand?.wake();
    this.overlays.setUserPosition(p);
    this.rescaleOverlays();
  }

  setPreview(p: MapPreview | null): void {
    this.onDemand?.wake();
    this.overlays.setPreview(p);
    this.rescaleOverlays();
  }

  showGeofence(p: MapPreview | null): void {
    this.onDemand?.wake();
    this.overlays.setGeofence(p);
  }

  zoomAt(sx: number, sy: number, factor: number): void {
    this.onDemand?.wake();
    this.controls.zoomAt(sx, sy, factor);
  }

  focusOn(p: LatLng): void {
    this.onDemand?.wake();
    const w = worldPoint(this.projection, p);
    this.controls.panTo(w.x, w.y);
  }

  screenPointOf(p: LatLng): { x: number; y: number } {
    const w = worldPoint(this.projection, p);
    return this.controls.toScreenXY(w.x, w.y);
  }
}

/** The map data's licence asks for credit where the map is seen (OpenStreetMap: ODbL). */
function showAttribution(container: HTMLElement, text: string): void {
  const pane = container.parentElement ?? container;
  pane.querySelector('.map-attribution')?.remove();
  const note = document.createElement('p');
  note.className = 'map-attribution';
  note.textContent = text;
  pane.append(note);
}
