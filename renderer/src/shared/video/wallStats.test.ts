// Wall measurements: draws per tile and latency percentiles.
import { describe, expect, it } from 'vitest';
import { percentile, WallStats } from './wallStats.ts';

describe('wall stats', () => {
  it('computes percentiles by nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.95)).toBe(95);
    expect(percentile([], 0.5)).toBe(0);
  });

  it('counts draws per tile and resets', () => {
    let now = 0;
    const stats = new WallStats(() => now);
    stats.recordDraw('a', 10);
    stats.recordDraw('a', 30);
    stats.recordDraw('b', null);
    now = 2000;
    expect(stats.snapshot()).toMatchObject({ seconds: 2, tiles: 2, draws: 3, drawsPerTile: { a: 2, b: 1 }, latencyP50: 10, latencyP95: 30, samples: 2 });
    stats.reset();
    expect(stats.snapshot()).toMatchObject({ tiles: 0, draws: 0, samples: 0 });
  });
});
