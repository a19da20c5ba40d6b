// One requestAnimationFrame loop for all tiles: each tile with a fresh frame draws once per display frame.

export interface DrawTarget {
  /** Draws the newest frame if there is one it has not drawn; cheap when there is nothing new. */
  draw(): void;
}

export class FrameScheduler {
  private readonly targets = new Set<DrawTarget>();
  private handle: number | null = null;

  constructor(
    private readonly requestFrame: (callback: () => void) => number = (callback) => requestAnimationFrame(callback),
    private readonly cancelFrame: (handle: number) => void = (handle) => cancelAnimationFrame(handle),
  ) {}

  add(target: DrawTarget): () => void {
    this.targets.add(target);
    this.wake();
    return () => {
      this.targets.delete(target);
      if (this.targets.size === 0 && this.handle !== null) {
        this.cancelFrame(this.handle);
        this.handle = null;
      }
    };
  }

  /** Called when a frame arrives, so an idle loop restarts. */
  wake(): void {
    if (this.handle !== null || this.targets.size === 0) return;
    this.handle = this.requestFrame(() => this.tick());
  }

  private tick(): void {
    this.handle = null;
    // No self-rescheduling: an idle wall costs nothing; each arriving frame wakes the loop again.
    for (const target of this.targets) target.draw();
  }
}
