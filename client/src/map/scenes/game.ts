/** Builds the Phaser game for the map and exposes it through the MapController bridge. */
import Phaser from 'phaser';
import type { MapController, MapSetup } from '../types';
import { Boot } from './Boot';
import { MapScene } from './MapScene';
import { Preloader } from './Preloader';

export function createMapGame(setup: MapSetup): Promise<MapController> {
  return new Promise((resolve) => {
    const mapScene = new MapScene();
    const game = new Phaser.Game({
      type: Phaser.AUTO,
      parent: setup.container,
      backgroundColor: '#efede6',
      banner: false,
      scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
      render: { antialias: true },
      input: { mouse: { preventDefaultWheel: true } },
      scene: [Boot, Preloader, mapScene],
      callbacks: {
        preBoot: (g) => g.registry.set('setup', setup),
      },
    });
    // The canvas repeats what the quest list says; screen readers use the list.
    game.canvas?.setAttribute('aria-hidden', 'true');

    const controller: MapController = {
      setMarkers: (m) => mapScene.setMarkers(m),
      setUserPosition: (p) => mapScene.setUserPosition(p),
      setPreview: (p) => mapScene.setPreview(p),
      showGeofence: (p) => mapScene.showGeofence(p),
      focus: (p) => mapScene.focusOn(p),
      zoomBy: (f) => mapScene.zoomAt(game.scale.width / 2, game.scale.height / 2, f),
      screenPointOf: (p) => {
        const rect = game.canvas.getBoundingClientRect();
        const s = mapScene.screenPointOf(p);
        return { x: rect.left + s.x, y: rect.top + s.y };
      },
      destroy: () => game.destroy(true),
    };
    mapScene.onReady = () => {
      game.canvas.setAttribute('aria-hidden', 'true');
      // For tools and the bench: how many frames the map has drawn (idle maps draw none).
      Object.defineProperty(setup.container, 'mapFramesDrawn', {
        get: () => mapScene.framesDrawn,
        configurable: true,
      });
      setup.container.dataset.mapReady = 'true';
      resolve(controller);
    };
  });
}
