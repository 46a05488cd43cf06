/**
 * Place names on the map: landmarks, parks, water and major streets. They keep their
 * on-screen size whatever the zoom, and one that would overlap a more important label hides.
 */
import type Phaser from 'phaser';
import type { Projection } from '../projection';
import { labelPoint, type Drawable } from './geojson';
import { MAP_COLOURS } from './map-style';

export class MapLabels {
  /** Ordered by importance (landmarks first), so zooming in reveals the minor ones. */
  private readonly labels: Phaser.GameObjects.Text[] = [];

  constructor(scene: Phaser.Scene, projection: Projection, features: Drawable[]) {
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
      const w = projection.toWorld(at);
      const colour =
        f.kind === 'park'
          ? MAP_COLOURS.parkLabel
          : f.kind === 'water'
            ? MAP_COLOURS.waterLabel
            : MAP_COLOURS.label;
      const text = scene.add
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

  /** Undoes the camera zoom on each label, then hides the ones that now overlap. */
  rescale(zoom: number): void {
    for (const t of this.labels) t.setScale(1 / zoom);
    this.declutter(zoom);
  }

  private declutter(zoom: number): void {
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
}
