/** Loads the map on demand; panels work before Phaser arrives. */
import type { MapController, MapSetup } from './types';

export type * from './types';

/** Loads Phaser and the scenes on demand; resolves when the map has drawn. */
export async function loadMap(setup: MapSetup): Promise<MapController> {
  const { createMapGame } = await import('./scenes/game');
  return createMapGame(setup);
}
