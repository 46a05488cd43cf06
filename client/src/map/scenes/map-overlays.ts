/**
 * What sits above the markers: the resident's own position (a dot with its accuracy
 * circle) and, in the officer console, the preview of the quest being placed.
 */
import type Phaser from 'phaser';
import { SUPERPOWER_INFO } from '@govcraft/shared';
import type { MapPreview, UserPosition } from '../types';
import type { Projection } from '../projection';
import { MAP_COLOURS } from './map-style';
import { hexToNumber, markerTextureKey } from './marker-textures';

export class MapOverlays {
  private userDot: Phaser.GameObjects.Container | null = null;
  private userAccuracy: Phaser.GameObjects.Arc | null = null;
  private previewLayer: Phaser.GameObjects.Container | null = null;
  private geofence: Phaser.GameObjects.Arc | null = null;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly projection: Projection,
  ) {}

  setUserPosition(p: UserPosition | null): void {
    this.userDot?.destroy();
    this.userAccuracy?.destroy();
    this.userDot = null;
    this.userAccuracy = null;
    if (!p) return;
    const w = this.projection.toWorld(p);
    const add = this.scene.add;
    this.userAccuracy = add
      .circle(w.x, w.y, p.accuracyM / this.projection.metresPerPixel, MAP_COLOURS.user, 0.12)
      .setStrokeStyle(2, MAP_COLOURS.user, 0.5)
      .setDepth(8);
    const halo = add.circle(0, 0, 10, 0xffffff, 1);
    const dot = add.circle(0, 0, 7, MAP_COLOURS.user, 1);
    this.userDot = add.container(w.x, w.y, [halo, dot]).setDepth(9);
  }

  setPreview(p: MapPreview | null): void {
    this.previewLayer?.destroy();
    this.previewLayer = null;
    if (!p) return;
    const w = this.projection.toWorld(p);
    const colour = hexToNumber(SUPERPOWER_INFO[p.superpower].colour);
    const add = this.scene.add;
    const radius = add
      .circle(0, 0, p.radiusM / this.projection.metresPerPixel, colour, 0.15)
      .setStrokeStyle(3, colour, 0.9);
    const icon = add.image(0, 0, markerTextureKey(p.superpower)).setName('preview-icon');
    this.previewLayer = add.container(w.x, w.y, [radius, icon]).setDepth(12);
  }

  /** The open quest's check-in circle, under the markers so its marker stays tappable. */
  setGeofence(p: MapPreview | null): void {
    this.geofence?.destroy();
    this.geofence = null;
    if (!p) return;
    const w = this.projection.toWorld(p);
    const colour = hexToNumber(SUPERPOWER_INFO[p.superpower].colour);
    this.geofence = this.scene.add
      .circle(w.x, w.y, p.radiusM / this.projection.metresPerPixel, colour, 0.12)
      .setStrokeStyle(3, colour, 0.9)
      .setDepth(5);
  }

  /** The dot and the preview icon keep their size; the circles show real distances. */
  rescale(zoom: number): void {
    const inv = 1 / zoom;
    this.userDot?.setScale(inv);
    const icon = this.previewLayer?.getByName('preview-icon') as Phaser.GameObjects.Image | null;
    icon?.setScale(inv);
  }
}
