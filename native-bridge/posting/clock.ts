// The clock that domain code receives: current time and waiting, so tests can drive time by hand.
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Resolves after `ms` of this clock's time. */
  sleep(ms: number): Promise<void>;
}

export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
  };
}

/** A clock that only moves when told; `sleep` advances it at once (yielding to other tasks first). */
export class FakeClock implements Clock {
  private current: number;

  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.current += Math.max(0, ms);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(ms: number): void {
    this.current = ms;
  }
}
