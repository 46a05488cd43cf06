/**
 * The neighbourhood map: area drawing, quest markers (shape + colour per superpower, a
 * draining deadline ring, a pulse when active, clusters when dense), the resident's own
 * position, and pan/zoom by drag, pinch, wheel or the DOM zoom buttons.
 */
import Phaser from 'phaser';
import { SUPERPOWER_INFO, ZMapFeatures, type LatLng } from '@govcraft/shared';
import type { MapMarker, MapPreview, MapSetup, UserPosition } from '../map/types';
import { clusterPoints } from '../map/cluster';
import { createProjection, zoomLimits, type Projection } from '../map/projection';
import { timeRemainingFraction } from '../ui/format';
import { labelPoint, readFeatures, type Drawable } from './geojson';
import { hexToNumber, MARKER_SIZE, markerTextureKey } from './marker-textures';
import { MAP_COLOURS, STREET_WIDTH } from './map-style';

const CLUSTER_RADIUS_PX = 44;
/** A pointer that moved less than this between down and up was a tap, not a drag. */
const TAP_SLOP_PX = 8;

interface MarkerView {
  container: Phaser.GameObjects.Container;
  ring: Phaser.GameObjects.Graphics;
  pulse: Phaser.GameObjects.Arc | null;
  marker: MapMarker;
}

export class MapScene extends Phaser.Scene {
  private setup!: MapSetup;
  private projection!: Projection;
  private limits = { min: 0.1, max: 10 };
  private labels: Phaser.GameObjects.Text[] = [];
  private markers: MapMarker[] = [];
  private markerViews: MarkerView[] = [];
  private clusterViews: Phaser.GameObjects.Container[] = [];
  private userDot: Phaser.GameObjects.Container | null = null;
  private userAccuracy: Phaser.GameObjects.Arc | null = null;
  private previewLayer: Phaser.GameObjects.Container | null = null;
  private downAt: { x: number; y: number } | null = null;
  private pinchStart: { distance: number; zoom: number } | null = null;
  private lastZoom = 0;
  private hitMarker = false;
  private userMoved = false;
  /** Resolved by game.ts once the first frame with the drawing is ready. */
  onReady: (() => void) | null = null;

  constructor() {
    super('Map');
  }

  create(): void {
    this.setup = this.registry.get('setup') as MapSetup;
    this.projection = createProjection(this.setup.area.bbox);
    const parsed = ZMapFeatures.safeParse(this.cache.json.get('area-map'));
    const drawables = parsed.success ? readFeatures(parsed.data) : [];
    this.drawMap(drawables);
    this.fitToArea();
    this.setupInput();
    this.scale.on('resize', () => this.onResize());
    this.time.addEvent({ delay: 1000, loop: true, callback: () => this.redrawRings() });
    this.onReady?.();
  }

  override update(): void {
    const zoom = this.cameras.main.zoom;
    if (zoom !== this.lastZoom) {
      this.lastZoom = zoom;
      this.rescaleOverlays();
      this.layoutMarkers();
    }
  }

  // ---- drawing --------------------------------------------------------------

  private world(p: LatLng): Phaser.Math.Vector2 {
    const w = this.projection.toWorld(p);
    return new Phaser.Math.Vector2(w.x, w.y);
  }

  private drawMap(features: Drawable[]): void {
    const { width, height } = this.projection;
    const pad = Math.max(width, height);
    const g = this.add.graphics();
    g.fillStyle(MAP_COLOURS.land, 1);
    g.fillRect(-pad, -pad, width + 2 * pad, height + 2 * pad);

    const byKind = (k: Drawable['kind']) => features.filter((f) => f.kind === k);
    for (const f of byKind('boundary')) this.fillPolygons(g, f, MAP_COLOURS.inside, null);
    for (const f of byKind('park')) this.fillPolygons(g, f, MAP_COLOURS.park, MAP_COLOURS.parkEdge);
    for (const f of byKind('water')) {
      this.fillPolygons(g, f, MAP_COLOURS.water, MAP_COLOURS.waterEdge);
      this.strokeLines(g, f.lines, 14, MAP_COLOURS.water);
    }
    const streets = byKind('street');
    for (const s of streets)
      this.strokeLines(
        g,
        s.lines,
        (s.major ? STREET_WIDTH.major : STREET_WIDTH.minor) + 2 * STREET_WIDTH.casing,
        MAP_COLOURS.streetCasing,
      );
    for (const s of streets)
      this.strokeLines(
        g,
        s.lines,
        s.major ? STREET_WIDTH.major : STREET_WIDTH.minor,
        s.major ? MAP_COLOURS.majorStreet : MAP_COLOURS.street,
      );
    for (const f of byKind('building'))
      this.fillPolygons(
        g,
        f,
        f.landmark ? MAP_COLOURS.landmarkBuilding : MAP_COLOURS.building,
        MAP_COLOURS.buildingEdge,
      );
    for (const f of byKind('boundary')) {
      for (const poly of f.polygons)
        this.dashedRing(
          g,
          poly.map((p) => this.world(p)),
        );
    }
    for (const f of byKind('landmark')) {
      for (const p of f.points) {
        const w = this.world(p);
        g.fillStyle(0x505a5f, 1);
        g.fillCircle(w.x, w.y, 6);
      }
    }
    this.addLabels(features);
  }

  private fillPolygons(
    g: Phaser.GameObjects.Graphics,
    f: Drawable,
    fill: number,
    edge: number | null,
  ): void {
    for (const poly of f.polygons) {
      const pts = poly.map((p) => this.world(p));
      if (pts.length < 3) continue;
      g.fillStyle(fill, 1);
      g.fillPoints(pts, true);
      if (edge !== null) {
        g.lineStyle(2, edge, 1);
        g.strokePoints(pts, true);
      }
    }
  }

  /** Thick lines with round joins: Graphics joins are mitred, so caps are filled circles. */
  private strokeLines(
    g: Phaser.GameObjects.Graphics,
    lines: LatLng[][],
    width: number,
    colour: number,
  ): void {
    g.lineStyle(width, colour, 1);
    g.fillStyle(colour, 1);
    for (const line of lines) {
      const pts = line.map((p) => this.world(p));
      if (pts.length < 2) continue;
      for (let i = 1; i < pts.length; i++)
        g.lineBetween(pts[i - 1]!.x, pts[i - 1]!.y, pts[i]!.x, pts[i]!.y);
      for (const p of pts) g.fillCircle(p.x, p.y, width / 2);
    }
  }

  private dashedRing(g: Phaser.GameObjects.Graphics, pts: Phaser.Math.Vector2[]): void {
    g.lineStyle(4, MAP_COLOURS.boundary, 0.9);
    const dash = 18;
    const gap = 10;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1]!;
      const b = pts[i]!;
      const len = Phaser.Math.Distance.Between(a.x, a.y, b.x, b.y);
      for (let t = 0; t < len; t += dash + gap) {
        const t2 = Math.min(len, t + dash);
        g.lineBetween(
          a.x + ((b.x - a.x) * t) / len,
          a.y + ((b.y - a.y) * t) / len,
          a.x + ((b.x - a.x) * t2) / len,
          a.y + ((b.y - a.y) * t2) / len,
        );
      }
    }
  }

  private addLabels(features: Drawable[]): void {
    for (const f of features) {
      if (!f.name) continue;
      const labelled =
        f.landmark ||
        f.kind === 'park' ||
        (f.kind === 'water' && f.polygons.length) ||
        (f.kind === 'street' && f.major);
      if (!labelled) continue;
      const at = labelPoint(f);
      if (!at) continue;
      const w = this.world(at);
      const colour =
        f.kind === 'park'
          ? MAP_COLOURS.parkLabel
          : f.kind === 'water'
            ? MAP_COLOURS.waterLabel
            : MAP_COLOURS.label;
      const text = this.add
        .text(w.x, w.y + (f.kind === 'landmark' ? 14 : 0), f.name, {
          fontFamily: 'system-ui, -apple-system, "Segoe UI", sans-serif',
          fontSize: f.landmark ? '13px' : '12px',
          fontStyle: f.landmark ? 'bold' : f.kind === 'street' ? 'italic' : 'normal',
          color: colour,
          stroke: '#ffffff',
          strokeThickness: 4,
          align: 'center',
          wordWrap: { width: 130 },
        })
        .setOrigin(0.5, f.kind === 'landmark' ? 0 : 0.5)
        .setResolution(2)
        .setData('rank', f.landmark ? 0 : f.kind === 'park' ? 1 : f.kind === 'street' ? 2 : 3);
      this.labels.push(text);
    }
    const rank = (t: Phaser.GameObjects.Text) => Number(t.getData('rank') ?? 9);
    this.labels.sort((a, b) => rank(a) - rank(b));
  }

  // ---- camera and input -----------------------------------------------------

  private fitToArea(): void {
    const cam = this.cameras.main;
    const fit = this.projection.fitZoom(this.scale.width, this.scale.height);
    this.limits = zoomLimits(fit);
    cam.setZoom(fit);
    cam.centerOn(this.projection.width / 2, this.projection.height / 2);
  }

  private onResize(): void {
    const cam = this.cameras.main;
    if (!this.userMoved) {
      // Until someone pans or zooms, the whole area stays in view as the layout settles.
      this.time.delayedCall(0, () => this.fitToArea());
      return;
    }
    const centre = this.toWorldXY(cam.width / 2, cam.height / 2);
    const fit = this.projection.fitZoom(this.scale.width, this.scale.height);
    this.limits = zoomLimits(fit);
    cam.setZoom(Phaser.Math.Clamp(cam.zoom, this.limits.min, this.limits.max));
    cam.centerOn(centre.x, centre.y);
  }

  /** Screen → world for the main camera (origin at the viewport centre). */
  private toWorldXY(sx: number, sy: number): { x: number; y: number } {
    const cam = this.cameras.main;
    const cx = cam.width * cam.originX;
    const cy = cam.height * cam.originY;
    return {
      x: (sx - cx) / cam.zoom + cx + cam.scrollX,
      y: (sy - cy) / cam.zoom + cy + cam.scrollY,
    };
  }

  private toScreenXY(wx: number, wy: number): { x: number; y: number } {
    const cam = this.cameras.main;
    const cx = cam.width * cam.originX;
    const cy = cam.height * cam.originY;
    return {
      x: cx + cam.zoom * (wx - cam.scrollX - cx),
      y: cy + cam.zoom * (wy - cam.scrollY - cy),
    };
  }

  zoomAt(sx: number, sy: number, factor: number): void {
    const cam = this.cameras.main;
    this.userMoved = true;
    const before = this.toWorldXY(sx, sy);
    cam.setZoom(Phaser.Math.Clamp(cam.zoom * factor, this.limits.min, this.limits.max));
    const after = this.toWorldXY(sx, sy);
    cam.scrollX += before.x - after.x;
    cam.scrollY += before.y - after.y;
  }

  private setupInput(): void {
    this.input.addPointer(1);
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      this.downAt = { x: p.x, y: p.y };
      this.hitMarker = false;
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => this.onPointerMove(p));
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => this.onPointerUp(p));
    this.input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      this.zoomAt(p.x, p.y, dy > 0 ? 1 / 1.15 : 1.15);
    });
  }

  private onPointerMove(p: Phaser.Input.Pointer): void {
    const a = this.input.pointer1;
    const b = this.input.pointer2;
    if (a.isDown && b.isDown) {
      const distance = Phaser.Math.Distance.Between(a.x, a.y, b.x, b.y);
      if (!this.pinchStart) this.pinchStart = { distance, zoom: this.cameras.main.zoom };
      const midX = (a.x + b.x) / 2;
      const midY = (a.y + b.y) / 2;
      const target = (this.pinchStart.zoom * distance) / Math.max(1, this.pinchStart.distance);
      this.zoomAt(midX, midY, target / this.cameras.main.zoom);
      this.downAt = null;
      return;
    }
    this.pinchStart = null;
    if (!p.isDown) return;
    const cam = this.cameras.main;
    this.userMoved = true;
    cam.scrollX -= (p.x - p.prevPosition.x) / cam.zoom;
    cam.scrollY -= (p.y - p.prevPosition.y) / cam.zoom;
  }

  private onPointerUp(p: Phaser.Input.Pointer): void {
    const start = this.downAt;
    this.downAt = null;
    if (!start || this.hitMarker) return;
    if (Phaser.Math.Distance.Between(start.x, start.y, p.x, p.y) > TAP_SLOP_PX) return;
    const w = this.toWorldXY(p.x, p.y);
    this.setup.callbacks.onMapClick?.(this.projection.toLatLng(w));
  }

  // ---- markers --------------------------------------------------------------

  setMarkers(markers: MapMarker[]): void {
    this.markers = markers;
    this.setup.container.dataset.questCount = String(markers.length);
    this.layoutMarkers();
  }

  private clearMarkerViews(): void {
    for (const v of this.markerViews) v.container.destroy();
    for (const c of this.clusterViews) c.destroy();
    this.markerViews = [];
    this.clusterViews = [];
  }

  /** Re-clusters for the current zoom and rebuilds marker objects (cheap at area scale). */
  private layoutMarkers(): void {
    if (!this.projection) return;
    this.clearMarkerViews();
    const zoom = this.cameras.main.zoom;
    const points = this.markers.map((m) => {
      const w = this.projection.toWorld(m);
      return { x: w.x * zoom, y: w.y * zoom, item: m };
    });
    for (const c of clusterPoints(points, CLUSTER_RADIUS_PX)) {
      const wx = c.x / zoom;
      const wy = c.y / zoom;
      if (c.items.length === 1) this.markerViews.push(this.buildMarker(c.items[0]!, wx, wy));
      else this.clusterViews.push(this.buildCluster(c.items, wx, wy));
    }
    this.redrawRings();
    this.rescaleOverlays();
    this.setup.container.dataset.markers = String(this.markerViews.length);
    this.setup.container.dataset.clusters = String(this.clusterViews.length);
  }

  private buildMarker(m: MapMarker, x: number, y: number): MarkerView {
    const colour = hexToNumber(SUPERPOWER_INFO[m.superpower].colour);
    const parts: Phaser.GameObjects.GameObject[] = [];
    let pulse: Phaser.GameObjects.Arc | null = null;
    if (m.status === 'active' && !this.setup.reducedMotion) {
      pulse = this.add.circle(0, 0, MARKER_SIZE / 2, colour, 0.35);
      this.tweens.add({
        targets: pulse,
        scale: 1.9,
        alpha: 0,
        duration: 1600,
        repeat: -1,
        ease: 'Sine.easeOut',
      });
      parts.push(pulse);
    }
    const ring = this.add.graphics();
    const icon = this.add.image(0, 0, markerTextureKey(m.superpower));
    if (m.status === 'closed') icon.setAlpha(0.55);
    parts.push(ring, icon);
    const container = this.add.container(x, y, parts).setDepth(10);
    container.setSize(MARKER_SIZE + 8, MARKER_SIZE + 8);
    container.setInteractive(
      new Phaser.Geom.Circle(0, 0, MARKER_SIZE / 2 + 6),
      Phaser.Geom.Circle.Contains,
    );
    container.input!.cursor = 'pointer';
    container.on('pointerdown', () => (this.hitMarker = true));
    container.on('pointerup', () => {
      if (this.downAt === null) return;
      this.setup.callbacks.onMarkerSelect(m.id);
    });
    return { container, ring, pulse, marker: m };
  }

  private buildCluster(items: MapMarker[], x: number, y: number): Phaser.GameObjects.Container {
    const disc = this.add.image(0, 0, 'marker-cluster');
    const label = this.add
      .text(0, 0, String(items.length), {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '15px',
        fontStyle: 'bold',
        color: '#ffffff',
      })
      .setOrigin(0.5)
      .setResolution(2);
    const container = this.add.container(x, y, [disc, label]).setDepth(11);
    container.setSize(MARKER_SIZE, MARKER_SIZE);
    container.setInteractive(
      new Phaser.Geom.Circle(0, 0, MARKER_SIZE / 2 + 4),
      Phaser.Geom.Circle.Contains,
    );
    container.on('pointerdown', () => (this.hitMarker = true));
    container.on('pointerup', () => {
      const s = this.toScreenXY(x, y);
      this.zoomAt(s.x, s.y, 2);
      this.cameras.main.centerOn(x, y);
    });
    return container;
  }

  /** The deadline ring: a full circle at the start of the window, empty at its end. */
  private redrawRings(): void {
    const now = Date.now();
    const r = MARKER_SIZE / 2 + 2;
    for (const v of this.markerViews) {
      const fraction = timeRemainingFraction(v.marker.startsAt, v.marker.endsAt, now);
      const colour = hexToNumber(SUPERPOWER_INFO[v.marker.superpower].colour);
      v.ring.clear();
      v.ring.lineStyle(4, 0xd8d4cc, 1);
      v.ring.strokeCircle(0, 0, r);
      if (fraction > 0) {
        v.ring.lineStyle(4, colour, 1);
        v.ring.beginPath();
        v.ring.arc(0, 0, r, -Math.PI / 2, -Math.PI / 2 + fraction * Math.PI * 2, false);
        v.ring.strokePath();
      }
    }
  }

  /** Markers, labels and the user dot keep their on-screen size whatever the zoom. */
  private rescaleOverlays(): void {
    const inv = 1 / this.cameras.main.zoom;
    for (const v of this.markerViews) v.container.setScale(inv);
    for (const c of this.clusterViews) c.setScale(inv);
    for (const t of this.labels) t.setScale(inv);
    this.declutterLabels();
    this.userDot?.setScale(inv);
    const icon = this.previewLayer?.getByName('preview-icon') as Phaser.GameObjects.Image | null;
    icon?.setScale(inv);
  }

  /**
   * Hides labels that would overlap one already shown at this zoom. Labels are ordered by
   * importance (landmarks first), so zooming in reveals the minor ones.
   */
  private declutterLabels(): void {
    const zoom = this.cameras.main.zoom;
    const shown: { x1: number; y1: number; x2: number; y2: number }[] = [];
    for (const t of this.labels) {
      const w = t.width;
      const hgt = t.height;
      const x1 = t.x * zoom - w * t.originX;
      const y1 = t.y * zoom - hgt * t.originY;
      const box = { x1, y1, x2: x1 + w, y2: y1 + hgt };
      const clash = shown.some(
        (b) => box.x1 < b.x2 && box.x2 > b.x1 && box.y1 < b.y2 && box.y2 > b.y1,
      );
      t.setVisible(!clash);
      if (!clash) shown.push(box);
    }
  }

  // ---- user position and officer preview ------------------------------------

  setUserPosition(p: UserPosition | null): void {
    this.userDot?.destroy();
    this.userAccuracy?.destroy();
    this.userDot = null;
    this.userAccuracy = null;
    if (!p) return;
    const w = this.world(p);
    this.userAccuracy = this.add
      .circle(w.x, w.y, p.accuracyM / this.projection.metresPerPixel, MAP_COLOURS.user, 0.12)
      .setStrokeStyle(2, MAP_COLOURS.user, 0.5)
      .setDepth(8);
    const halo = this.add.circle(0, 0, 10, 0xffffff, 1);
    const dot = this.add.circle(0, 0, 7, MAP_COLOURS.user, 1);
    this.userDot = this.add.container(w.x, w.y, [halo, dot]).setDepth(9);
    this.rescaleOverlays();
  }

  setPreview(p: MapPreview | null): void {
    this.previewLayer?.destroy();
    this.previewLayer = null;
    if (!p) return;
    const w = this.world(p);
    const colour = hexToNumber(SUPERPOWER_INFO[p.superpower].colour);
    const radius = this.add
      .circle(0, 0, p.radiusM / this.projection.metresPerPixel, colour, 0.15)
      .setStrokeStyle(3, colour, 0.9);
    const icon = this.add.image(0, 0, markerTextureKey(p.superpower)).setName('preview-icon');
    this.previewLayer = this.add.container(w.x, w.y, [radius, icon]).setDepth(12);
    this.rescaleOverlays();
  }

  focusOn(p: LatLng): void {
    const w = this.world(p);
    this.userMoved = true;
    this.cameras.main.pan(w.x, w.y, this.setup.reducedMotion ? 0 : 350, 'Sine.easeInOut');
  }

  screenPointOf(p: LatLng): { x: number; y: number } {
    const w = this.world(p);
    return this.toScreenXY(w.x, w.y);
  }
}
