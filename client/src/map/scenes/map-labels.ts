/**
 * Place names on the map: landmarks, parks, water and major streets. They keep their
 * on-screen size whatever the zoom. A label that would sit under a quest marker or over a more
 * important label moves to the first free spot around its place, and hides if there is none.
 */
import type Phaser from 'phaser';
import type { Projection } from '../projection';
import { labelPoint, type Drawable } from './geojson';
import { MAP_COLOURS } from './map-style';

/** A rectangle in zoomed world pixels (world × zoom), where on-screen sizes are true. */
export interface ScreenBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where a label may go, in screen pixels from its place: as is, below, above, right, left. */
const NUDGES: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 24],
  [0, -24],
  [48, 0],
  [-48, 0],
];

const overlaps = (a: ScreenBox, b: ScreenBox) =>
  a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1;

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
        .setData('home', { x: w.x, y: w.y + (f.kind === 'landmark' ? 14 : 0) })
        .setData('rank', f.landmark ? 0 : f.kind === 'park' ? 1 : f.kind === 'street' ? 2 : 3);
      this.labels.push(text);
    }
    const rank = (t: Phaser.GameObjects.Text) => Number(t.getData('rank') ?? 9);
    this.labels.sort((a, b) => rank(a) - rank(b));
  }

  /** Undoes the camera zoom on each label, then places them clear of `obstacles` and each other. */
  rescale(zoom: number, obstacles: readonly ScreenBox[] = []): void {
    for (const t of this.labels) t.setScale(1 / zoom);
    this.declutter(zoom, obstacles);
  }

  private declutter(zoom: number, obstacles: readonly ScreenBox[]): void {
    const taken: ScreenBox[] = [...obstacles];
    for (const t of this.labels) {
      const home = t.getData('home') as { x: number; y: number };
      const spot = NUDGES.map(([dx, dy]) => {
        const x1 = home.x * zoom + dx - t.width * t.originX;
        const y1 = home.y * zoom + dy - t.height * t.originY;
        return { dx, dy, box: { x1, y1, x2: x1 + t.width, y2: y1 + t.height } };
      }).find((c) => !taken.some((b) => overlaps(c.box, b)));
      t.setVisible(spot !== undefined);
      if (!spot) continue;
      t.setPosition(home.x + spot.dx / zoom, home.y + spot.dy / zoom);
      taken.push(spot.box);
    }
  }
}
