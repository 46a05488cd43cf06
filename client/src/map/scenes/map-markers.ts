/**
 * The marker layer: one marker per quest (shape and colour per superpower, a draining
 * deadline ring, a pulse when active), merged into numbered clusters where dense.
 */
import Phaser from 'phaser';
import { SUPERPOWER_INFO } from '@govcraft/shared';
import type { MapMarker, MapSetup } from '../types';
import { clusterPoints } from '../cluster';
import type { Projection } from '../projection';
import { timeRemainingFraction } from '../../ui/format';
import type { MapInput } from './map-input';
import type { ScreenBox } from './map-labels';
import { hexToNumber, MARKER_SIZE, markerTextureKey } from './marker-textures';

const CLUSTER_RADIUS_PX = 44;
const ACTIVE_PULSES = 3;

interface MarkerView {
  container: Phaser.GameObjects.Container;
  ring: Phaser.GameObjects.Graphics;
  pulse: Phaser.GameObjects.Arc | null;
  marker: MapMarker;
}

export class MarkerLayer {
  private markers: MapMarker[] = [];
  private markerViews: MarkerView[] = [];
  private clusterViews: Phaser.GameObjects.Container[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly projection: Projection,
    private readonly setup: MapSetup,
    private readonly input: MapInput,
  ) {}

  set(markers: MapMarker[]): void {
    this.markers = markers;
    this.setup.container.dataset.questCount = String(markers.length);
  }

  private clear(): void {
    for (const v of this.markerViews) v.container.destroy();
    for (const c of this.clusterViews) c.destroy();
    this.markerViews = [];
    this.clusterViews = [];
  }

  /** Re-clusters for the current zoom and rebuilds marker objects (cheap at area scale). */
  layout(): void {
    this.clear();
    const zoom = this.scene.cameras.main.zoom;
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
    // How many single markers and clusters are drawn now, for tests and tools.
    this.setup.container.dataset.markers = String(this.markerViews.length);
    this.setup.container.dataset.clusters = String(this.clusterViews.length);
  }

  /** Where markers and clusters sit, in zoomed world pixels, for labels to keep clear of. */
  obstacles(zoom: number): ScreenBox[] {
    const r = MARKER_SIZE / 2 + 4;
    const shapes = [...this.markerViews.map((v) => v.container), ...this.clusterViews];
    return shapes.map((c) => ({
      x1: c.x * zoom - r,
      y1: c.y * zoom - r,
      x2: c.x * zoom + r,
      y2: c.y * zoom + r,
    }));
  }

  /** Markers and clusters keep their on-screen size whatever the zoom. */
  rescale(zoom: number): void {
    const inv = 1 / zoom;
    for (const v of this.markerViews) v.container.setScale(inv);
    for (const c of this.clusterViews) c.setScale(inv);
  }

  private buildMarker(m: MapMarker, x: number, y: number): MarkerView {
    const scene = this.scene;
    const colour = hexToNumber(SUPERPOWER_INFO[m.superpower].colour);
    const parts: Phaser.GameObjects.GameObject[] = [];
    let pulse: Phaser.GameObjects.Arc | null = null;
    // Reopened quests (reported not fixed) call for attention like active ones.
    const live = m.status === 'active' || m.status === 'reopened';
    if (live && !this.setup.reducedMotion) {
      pulse = scene.add.circle(0, 0, MARKER_SIZE / 2, colour, 0.35);
      scene.tweens.add({
        targets: pulse,
        scale: 1.9,
        alpha: 0,
        duration: 1600,
        // A few pulses after each layout draw the eye, then the map can sleep (render on demand).
        repeat: ACTIVE_PULSES - 1,
        ease: 'Sine.easeOut',
      });
      parts.push(pulse);
    }
    const ring = scene.add.graphics();
    const icon = scene.add.image(0, 0, markerTextureKey(m.superpower));
    if (m.status === 'closed') icon.setAlpha(0.55);
    parts.push(ring, icon);
    const container = scene.add.container(x, y, parts).setDepth(10);
    container.setSize(MARKER_SIZE + 8, MARKER_SIZE + 8);
    container.setInteractive(
      new Phaser.Geom.Circle(0, 0, MARKER_SIZE / 2 + 6),
      Phaser.Geom.Circle.Contains,
    );
    container.input!.cursor = 'pointer';
    container.on('pointerdown', () => this.input.markerPressed());
    container.on('pointerup', () => {
      if (!this.input.pressing) return;
      this.setup.callbacks.onMarkerSelect(m.id);
    });
    return { container, ring, pulse, marker: m };
  }

  private buildCluster(items: MapMarker[], x: number, y: number): Phaser.GameObjects.Container {
    const scene = this.scene;
    const disc = scene.add.image(0, 0, 'marker-cluster');
    const label = scene.add
      .text(0, 0, String(items.length), {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '15px',
        fontStyle: 'bold',
        color: '#ffffff',
      })
      .setOrigin(0.5)
      .setResolution(2);
    const container = scene.add.container(x, y, [disc, label]).setDepth(11);
    container.setSize(MARKER_SIZE, MARKER_SIZE);
    container.setInteractive(
      new Phaser.Geom.Circle(0, 0, MARKER_SIZE / 2 + 4),
      Phaser.Geom.Circle.Contains,
    );
    container.on('pointerdown', () => this.input.markerPressed());
    container.on('pointerup', () => {
      const s = this.input.toScreenXY(x, y);
      this.input.zoomAt(s.x, s.y, 2);
      scene.cameras.main.centerOn(x, y);
    });
    return container;
  }

  /** The deadline ring: a full circle at the start of the window, empty at its end. */
  redrawRings(): void {
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
}
