// Exponential backoff with a cap and optional jitter, for reconnecting devices, adb servers and sessions.

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  factor?: number;
  /** 0..1: fraction of the delay randomised away, so many phones do not retry in lockstep. */
  jitter?: number;
  random?: () => number;
}

export class Backoff {
  readonly #options: Required<BackoffOptions>;
  #attempt = 0;

  constructor(options: BackoffOptions) {
    this.#options = { factor: 2, jitter: 0, random: Math.random, ...options };
  }

  /** Failures since the last reset. */
  get attempts(): number {
    return this.#attempt;
  }

  /** The delay before the next attempt; each call counts one failure. */
  next(): number {
    const { initialMs, maxMs, factor, jitter, random } = this.#options;
    const base = Math.min(maxMs, initialMs * factor ** Math.min(this.#attempt, 30));
    this.#attempt += 1;
    return Math.round(base * (1 - jitter * random()));
  }

  reset(): void {
    this.#attempt = 0;
  }
}

/** Resolves after `ms`, or at once when the signal aborts (then the caller checks the signal). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
