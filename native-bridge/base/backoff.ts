// A failure counter over the protocol's one reconnect rule, for devices, adb servers, sessions and job retries.
import { backoffDelay } from '../protocol/backoff.ts';
import type { BackoffRule } from '../protocol/backoff.ts';

export interface BackoffOptions extends BackoffRule {
  random?: () => number;
}

export class Backoff {
  readonly #rule: BackoffRule;
  readonly #random: () => number;
  #attempt = 0;

  constructor(options: BackoffOptions) {
    const { random = Math.random, ...rule } = options;
    this.#rule = rule;
    this.#random = random;
  }

  /** Failures since the last reset. */
  get attempts(): number {
    return this.#attempt;
  }

  /** The delay before the next attempt; each call counts one failure. */
  next(): number {
    const delay = backoffDelay(this.#attempt, this.#rule, this.#random);
    this.#attempt += 1;
    return delay;
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
