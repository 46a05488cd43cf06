/**
 * The input layer: the camera fits the area until someone pans or zooms; drag pans, pinch
 * and wheel zoom about the pointer, and a tap on the map (not on a marker, not a drag)
 * reports where it landed.
 */
import Phaser from 'phaser';
import type { MapSetup } from '../types';
import { zoomLimits, type Projection } from '../projection';

/** A pointer that moved less than this between down and up was a tap, not a drag. */
const TAP_SLOP_PX = 8;

export class MapInput {
  private limits = { min: 0.1, max: 10 };
  private downAt: { x: number; y: number } | null = null;
  private pinchStart: { distance: number; zoom: number } | null = null;
  private hitMarker = false;
  private userMoved = false;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly projection: Projection,
    private readonly setup: MapSetup,
  ) {}

  private get cam(): Phaser.Cameras.Scene2D.Camera {
    return this.scene.cameras.main;
  }

  fitToArea(): void {
    const fit = this.projection.fitZoom(this.scene.scale.width, this.scene.scale.height);
    this.limits = zoomLimits(fit);
    this.cam.setZoom(fit);
    this.cam.centerOn(this.projection.width / 2, this.projection.height / 2);
  }

  onResize(): void {
    const cam = this.cam;
    if (!this.userMoved) {
      // Until someone pans or zooms, the whole area stays in view as the layout settles.
      this.scene.time.delayedCall(0, () => this.fitToArea());
      return;
    }
    const centre = this.toWorldXY(cam.width / 2, cam.height / 2);
    const fit = this.projection.fitZoom(this.scene.scale.width, this.scene.scale.height);
    this.limits = zoomLimits(fit);
    cam.setZoom(Phaser.Math.Clamp(cam.zoom, this.limits.min, this.limits.max));
    cam.centerOn(centre.x, centre.y);
  }

  /** Screen → world for the main camera (origin at the viewport centre). */
  toWorldXY(sx: number, sy: number): { x: number; y: number } {
    const cam = this.cam;
    const cx = cam.width * cam.originX;
    const cy = cam.height * cam.originY;
    return {
      x: (sx - cx) / cam.zoom + cx + cam.scrollX,
      y: (sy - cy) / cam.zoom + cy + cam.scrollY,
    };
  }

  toScreenXY(wx: number, wy: number): { x: number; y: number } {
    const cam = this.cam;
    const cx = cam.width * cam.originX;
    const cy = cam.height * cam.originY;
    return {
      x: cx + cam.zoom * (wx - cam.scrollX - cx),
      y: cy + cam.zoom * (wy - cam.scrollY - cy),
    };
  }

  zoomAt(sx: number, sy: number, factor: number): void {
    const cam = this.cam;
    this.userMoved = true;
    const before = this.toWorldXY(sx, sy);
    cam.setZoom(Phaser.Math.Clamp(cam.zoom * factor, this.limits.min, this.limits.max));
    const after = this.toWorldXY(sx, sy);
    cam.scrollX += before.x - after.x;
    cam.scrollY += before.y - after.y;
  }

  /** Pans the camera to a world point (the quest just opened, say). */
  panTo(x: number, y: number): void {
    this.userMoved = true;
    this.cam.pan(x, y, this.setup.reducedMotion ? 0 : 350, 'Sine.easeInOut');
  }

  /** A marker or cluster was pressed: the map itself does not report this tap. */
  markerPressed(): void {
    this.hitMarker = true;
  }

  /** False once a pinch took over the press, so releasing a finger selects nothing. */
  get pressing(): boolean {
    return this.downAt !== null;
  }

  listen(): void {
    const input = this.scene.input;
    input.addPointer(1);
    input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      this.downAt = { x: p.x, y: p.y };
      this.hitMarker = false;
    });
    input.on('pointermove', (p: Phaser.Input.Pointer) => this.onPointerMove(p));
    input.on('pointerup', (p: Phaser.Input.Pointer) => this.onPointerUp(p));
    input.on('wheel', (p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => {
      this.zoomAt(p.x, p.y, dy > 0 ? 1 / 1.15 : 1.15);
    });
  }

  private onPointerMove(p: Phaser.Input.Pointer): void {
    const a = this.scene.input.pointer1;
    const b = this.scene.input.pointer2;
    if (a.isDown && b.isDown) {
      const distance = Phaser.Math.Distance.Between(a.x, a.y, b.x, b.y);
      if (!this.pinchStart) this.pinchStart = { distance, zoom: this.cam.zoom };
      const midX = (a.x + b.x) / 2;
      const midY = (a.y + b.y) / 2;
      const target = (this.pinchStart.zoom * distance) / Math.max(1, this.pinchStart.distance);
      this.zoomAt(midX, midY, target / this.cam.zoom);
      this.downAt = null;
      return;
    }
    this.pinchStart = null;
    if (!p.isDown) return;
    const cam = this.cam;
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
}
