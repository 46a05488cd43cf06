/**
 * The drawing layer: land, parks, water, streets, buildings, the dashed area boundary and
 * landmark dots, painted once into one Graphics object, plus the place-name labels.
 */
import Phaser from 'phaser';
import type { LatLng } from '@govcraft/shared';
import type { Projection } from '../projection';
import type { Drawable } from './geojson';
import { MapLabels } from './map-labels';
import { MAP_COLOURS, STREET_WIDTH } from './map-style';

/** A point on the map in world pixels. */
export function worldPoint(projection: Projection, p: LatLng): Phaser.Math.Vector2 {
  const w = projection.toWorld(p);
  return new Phaser.Math.Vector2(w.x, w.y);
}

/** Paints the area and returns its labels, which keep their size and hide when crowded. */
export function drawArea(
  scene: Phaser.Scene,
  projection: Projection,
  features: Drawable[],
): MapLabels {
  const world = (p: LatLng) => worldPoint(projection, p);
  const { width, height } = projection;
  const pad = Math.max(width, height);
  const g = scene.add.graphics();
  g.fillStyle(MAP_COLOURS.land, 1);
  g.fillRect(-pad, -pad, width + 2 * pad, height + 2 * pad);

  const fill = (f: Drawable, colour: number, edge: number | null) =>
    fillPolygons(
      g,
      f.polygons.map((poly) => poly.map(world)),
      colour,
      edge,
    );
  const stroke = (lines: LatLng[][], lineWidth: number, colour: number) =>
    strokeLines(
      g,
      lines.map((line) => line.map(world)),
      lineWidth,
      colour,
    );

  const byKind = (k: Drawable['kind']) => features.filter((f) => f.kind === k);
  for (const f of byKind('boundary')) fill(f, MAP_COLOURS.inside, null);
  for (const f of byKind('park')) fill(f, MAP_COLOURS.park, MAP_COLOURS.parkEdge);
  for (const f of byKind('water')) {
    fill(f, MAP_COLOURS.water, MAP_COLOURS.waterEdge);
    stroke(f.lines, 14, MAP_COLOURS.water);
  }
  const streets = byKind('street');
  const streetWidth = (s: Drawable) => (s.major ? STREET_WIDTH.major : STREET_WIDTH.minor);
  for (const s of streets)
    stroke(s.lines, streetWidth(s) + 2 * STREET_WIDTH.casing, MAP_COLOURS.streetCasing);
  for (const s of streets)
    stroke(s.lines, streetWidth(s), s.major ? MAP_COLOURS.majorStreet : MAP_COLOURS.street);
  for (const f of byKind('building'))
    fill(
      f,
      f.landmark ? MAP_COLOURS.landmarkBuilding : MAP_COLOURS.building,
      MAP_COLOURS.buildingEdge,
    );
  for (const f of byKind('boundary')) {
    for (const poly of f.polygons) dashedRing(g, poly.map(world));
  }
  for (const f of byKind('landmark')) {
    for (const p of f.points) {
      const w = world(p);
      g.fillStyle(0x505a5f, 1);
      g.fillCircle(w.x, w.y, 6);
    }
  }
  return new MapLabels(scene, projection, features);
}

function fillPolygons(
  g: Phaser.GameObjects.Graphics,
  polygons: Phaser.Math.Vector2[][],
  fill: number,
  edge: number | null,
): void {
  for (const pts of polygons) {
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
function strokeLines(
  g: Phaser.GameObjects.Graphics,
  lines: Phaser.Math.Vector2[][],
  width: number,
  colour: number,
): void {
  g.lineStyle(width, colour, 1);
  g.fillStyle(colour, 1);
  for (const pts of lines) {
    if (pts.length < 2) continue;
    for (let i = 1; i < pts.length; i++)
      g.lineBetween(pts[i - 1]!.x, pts[i - 1]!.y, pts[i]!.x, pts[i]!.y);
    for (const p of pts) g.fillCircle(p.x, p.y, width / 2);
  }
}

function dashedRing(g: Phaser.GameObjects.Graphics, pts: Phaser.Math.Vector2[]): void {
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
