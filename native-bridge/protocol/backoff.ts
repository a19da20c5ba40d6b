// The one reconnect rule of boxes and consoles: exponential delays with a cap and jitter, so many phones or consoles
// do not retry in lockstep after an outage.

export interface BackoffRule {
  initialMs: number;
  maxMs: number;
  /** Growth per failed attempt (default 2). */
  factor?: number;
  /** 0..1: the fraction of the delay randomised away. */
  jitter?: number;
}

/** The delay before attempt `failures + 1`, after `failures` failures in a row (0 → `initialMs`). */
export function backoffDelay(failures: number, rule: BackoffRule, random: () => number = Math.random): number {
  const { initialMs, maxMs, factor = 2, jitter = 0 } = rule;
  const base = Math.min(maxMs, initialMs * factor ** Math.max(0, Math.min(failures, 30)));
  return Math.round(base * (1 - jitter * random()));
}
