/** Marker icons drawn once into textures: one shape and colour per main superpower. */
import Phaser from 'phaser';
import { SUPERPOWER_INFO, SUPERPOWERS, type Superpower } from '@govcraft/shared';

export const MARKER_SIZE = 40;
export const markerTextureKey = (sp: Superpower) => `marker-${sp}`;
export const hexToNumber = (hex: string) => Number.parseInt(hex.replace('#', ''), 16);

type Shape = (typeof SUPERPOWER_INFO)[Superpower]['shape'];

const v = (x: number, y: number) => new Phaser.Math.Vector2(x, y);

function drawShape(g: Phaser.GameObjects.Graphics, shape: Shape, c: number, colour: number): void {
  g.fillStyle(colour, 1);
  g.lineStyle(3.5, colour, 1);
  switch (shape) {
    case 'bolt':
      g.fillPoints(
        [
          v(c + 2, c - 11),
          v(c - 7, c + 2),
          v(c - 1, c + 2),
          v(c - 3, c + 11),
          v(c + 7, c - 2),
          v(c + 1, c - 2),
        ],
        true,
      );
      break;
    case 'rings':
      g.strokeCircle(c - 4, c, 6);
      g.strokeCircle(c + 4, c, 6);
      break;
    case 'check':
      g.lineStyle(4.5, colour, 1);
      g.strokePoints([v(c - 8, c), v(c - 2, c + 6), v(c + 9, c - 7)], false);
      break;
    case 'star': {
      const pts: Phaser.Math.Vector2[] = [];
      for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? 11 : 4.6;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        pts.push(v(c + r * Math.cos(a), c + r * Math.sin(a)));
      }
      g.fillPoints(pts, true);
      break;
    }
  }
}

/** Generates the four marker textures plus the cluster disc; reports progress per texture. */
export function generateMarkerTextures(
  scene: Phaser.Scene,
  onProgress: (done: number, total: number) => void,
): void {
  const c = MARKER_SIZE / 2;
  const total = SUPERPOWERS.length + 1;
  SUPERPOWERS.forEach((sp, i) => {
    const info = SUPERPOWER_INFO[sp];
    const colour = hexToNumber(info.colour);
    const g = scene.make.graphics({ x: 0, y: 0 }, false);
    g.fillStyle(0xffffff, 1);
    g.fillCircle(c, c, c - 4);
    g.lineStyle(3, colour, 1);
    g.strokeCircle(c, c, c - 5);
    drawShape(g, info.shape, c, colour);
    g.generateTexture(markerTextureKey(sp), MARKER_SIZE, MARKER_SIZE);
    g.destroy();
    onProgress(i + 1, total);
  });
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  g.fillStyle(0x0b0c0c, 1);
  g.fillCircle(c, c, c - 2);
  g.lineStyle(3, 0xffffff, 1);
  g.strokeCircle(c, c, c - 4);
  g.generateTexture('marker-cluster', MARKER_SIZE, MARKER_SIZE);
  g.destroy();
  onProgress(total, total);
}
