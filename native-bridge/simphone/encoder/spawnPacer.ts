// Spaces out encoder process starts: many ffmpeg processes starting at the same instant build a backlog.

export interface SpawnPacerOptions {
  /** Minimum time between two starts. */
  intervalMs: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  now?: () => number;
}

/** Hands out start slots at most one per interval, in request order. */
export class SpawnPacer {
  static #shared: SpawnPacer | undefined;

  /** One pacer for every phone in this process (created on first use). */
  static shared(): SpawnPacer {
    SpawnPacer.#shared ??= new SpawnPacer({ intervalMs: 120 });
    return SpawnPacer.#shared;
  }

  readonly #intervalMs: number;
  readonly #setTimer: (callback: () => void, ms: number) => unknown;
  readonly #now: () => number;
  #nextSlot = 0;

  constructor(options: SpawnPacerOptions) {
    this.#intervalMs = options.intervalMs;
    this.#setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.#now = options.now ?? (() => performance.now());
  }

  /** Resolves when the caller may start its process. */
  slot(): Promise<void> {
    const now = this.#now();
    const at = Math.max(now, this.#nextSlot);
    this.#nextSlot = at + this.#intervalMs;
    const wait = at - now;
    if (wait <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.#setTimer(resolve, wait);
    });
  }
}
