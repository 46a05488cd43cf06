import Phaser from 'phaser';
import { generateMarkerTextures } from './marker-textures';
import type { MapSetup } from '../types';

/** Shows a progress bar while the area's map drawing loads and marker icons are made. */
export class Preloader extends Phaser.Scene {
  constructor() {
    super('Preloader');
  }

  init(): void {
    const { width, height } = this.scale;
    const barW = Math.min(260, width - 60);
    const x = (width - barW) / 2;
    const y = height / 2;
    this.add
      .text(width / 2, y - 28, 'Drawing your neighbourhood…', {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '16px',
        color: '#0b0c0c',
      })
      .setOrigin(0.5);
    this.add.rectangle(x + barW / 2, y, barW, 14).setStrokeStyle(2, 0x0b0c0c);
    const fill = this.add.rectangle(x + 2, y, 0, 10, 0x00736b).setOrigin(0, 0.5);
    // Loading is the first 80 %, marker icons the rest.
    this.load.on('progress', (p: number) => {
      fill.width = (barW - 4) * p * 0.8;
    });
    this.registry.set('preloadFill', { fill, barW });
  }

  preload(): void {
    const setup = this.registry.get('setup') as MapSetup;
    this.load.json('area-map', setup.mapUrl);
  }

  create(): void {
    const { fill, barW } = this.registry.get('preloadFill') as {
      fill: Phaser.GameObjects.Rectangle;
      barW: number;
    };
    generateMarkerTextures(this, (done, total) => {
      fill.width = (barW - 4) * (0.8 + (0.2 * done) / total);
    });
    this.scene.start('Map');
  }
}
