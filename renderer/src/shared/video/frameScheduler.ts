// One requestAnimationFrame loop for all tiles: each tile with a fresh frame draws once per display frame, within a
// time budget so pointer and keyboard events never starve behind video; the rest draw first in the next frame.

export interface DrawTarget {
  /** Draws the newest frame if there is one it has not drawn; returns whether it drew. */
  draw(): boolean;
}

/** Software drawing costs ~2–5 ms per tile here; 12 ms keeps a 60 Hz display's frame mostly for input and layout. */
export const defaultDrawBudgetMs = 12;

export interface FrameSchedulerOptions {
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
  now?: () => number;
  budgetMs?: number;
}

export class FrameScheduler {
  private targets: DrawTarget[] = [];
  private handle: number | null = null;
  /** Where the next tick starts, so tiles skipped for lack of time go first next time. */
  private cursor = 0;
  private readonly requestFrame: (callback: () => void) => number;
  private readonly cancelFrame: (handle: number) => void;
  private readonly now: () => number;
  private readonly budgetMs: number;

  constructor(options: FrameSchedulerOptions = {}) {
    this.requestFrame = options.requestFrame ?? ((callback) => requestAnimationFrame(callback));
    this.cancelFrame = options.cancelFrame ?? ((handle) => cancelAnimationFrame(handle));
    this.now = options.now ?? (() => performance.now());
    this.budgetMs = options.budgetMs ?? defaultDrawBudgetMs;
  }

  add(target: DrawTarget): () => void {
    this.targets.push(target);
    this.wake();
    return () => {
      const index = this.targets.indexOf(target);
      if (index >= 0) this.targets.splice(index, 1);
      if (this.cursor > index && this.cursor > 0) this.cursor--;
      if (this.targets.length === 0 && this.handle !== null) {
        this.cancelFrame(this.handle);
        this.handle = null;
      }
    };
  }

  /** Called when a frame arrives, so an idle loop restarts. */
  wake(): void {
    if (this.handle !== null || this.targets.length === 0) return;
    this.handle = this.requestFrame(() => this.tick());
  }

  private tick(): void {
    this.handle = null;
    const count = this.targets.length;
    const started = this.now();
    let visited = 0;
    let drew = false;
    // No self-rescheduling when everything was visited: an idle wall costs nothing; arriving frames wake the loop.
    while (visited < count) {
      const target = this.targets[(this.cursor + visited) % count];
      visited++;
      if (target?.draw()) drew = true;
      if (drew && this.now() - started >= this.budgetMs) break;
    }
    this.cursor = count === 0 ? 0 : (this.cursor + visited) % count;
    if (visited < count) this.wake();
  }
}
