/**
 * Render on demand: the map draws only while something changes (input, new data, a running
 * tween or camera move) and puts Phaser's game loop to sleep otherwise, so an idle map costs a
 * phone no frames and no battery. Anything that changes the picture calls `wake()`; DOM input
 * on the canvas wakes the loop too, because a sleeping loop processes no input of its own.
 */
import type Phaser from 'phaser';

/** Frames drawn after the last change before sleeping: lets layout and textures settle. */
const SETTLE_FRAMES = 3;
const WAKING_EVENTS = ['pointerdown', 'pointermove', 'wheel', 'touchstart', 'keydown'] as const;

export class RenderOnDemand {
  private quietFrames = 0;
  private readonly resizes: ResizeObserver;

  constructor(
    private readonly game: Phaser.Game,
    private readonly scene: Phaser.Scene,
    private readonly container: HTMLElement,
  ) {
    const wake = () => this.wake();
    for (const event of WAKING_EVENTS)
      container.addEventListener(event, wake, { passive: true, capture: true });
    game.scale.on('resize', wake);
    document.addEventListener('visibilitychange', wake);
    // The bottom sheet resizes the map's box without a window resize; a sleeping loop
    // would not notice, so the observer wakes it to measure again.
    this.resizes = new ResizeObserver(wake);
    this.resizes.observe(container);
    this.detach = () => {
      for (const event of WAKING_EVENTS) container.removeEventListener(event, wake, true);
      document.removeEventListener('visibilitychange', wake);
      this.resizes.disconnect();
    };
  }

  /** Stops listening; the game is being destroyed. */
  readonly detach: () => void;

  /** Something on the map changed: draw until it settles again. */
  wake(): void {
    this.quietFrames = 0;
    if (!this.game.loop.running) {
      this.game.loop.wake();
      this.container.dataset.mapSleeping = 'false';
    }
  }

  /** Called once per frame from the scene's update. */
  tick(): void {
    if (this.busy()) {
      this.quietFrames = 0;
      return;
    }
    this.quietFrames += 1;
    if (this.quietFrames >= SETTLE_FRAMES && this.game.loop.running) {
      this.game.loop.sleep();
      this.container.dataset.mapSleeping = 'true';
    }
  }

  /** Frames Phaser has drawn since the game started (read by the bench through the DOM). */
  get frames(): number {
    return this.game.loop.frame;
  }

  private busy(): boolean {
    const cam = this.scene.cameras.main;
    if (cam.panEffect.isRunning || cam.zoomEffect.isRunning) return true;
    if (this.scene.input.pointer1.isDown || this.scene.input.pointer2?.isDown) return true;
    return this.scene.tweens.getTweens().some((t) => t.isPlaying());
  }
}
