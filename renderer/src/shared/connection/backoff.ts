// Reconnect delays: exponential with a cap and jitter, so many consoles do not hammer a restarted box at once.

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** 0..1: fraction of the delay that is randomised. */
  jitter: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 500, maxMs: 10_000, jitter: 0.3 };

export function backoffDelay(attempt: number, random: () => number, options: BackoffOptions = defaultBackoff): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, Math.min(attempt, 20)));
  const spread = exponential * options.jitter;
  return Math.round(exponential - spread + random() * spread);
}
