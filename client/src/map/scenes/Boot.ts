import Phaser from 'phaser';

/** First scene: nothing to load, so it hands straight over to the Preloader. */
export class Boot extends Phaser.Scene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.cameras.main.setBackgroundColor('#efede6');
    this.scene.start('Preloader');
  }
}
