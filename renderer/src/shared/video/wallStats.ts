// Optional wall measurements (`?stats=1`): draws per tile and packet-arrival→draw latency, read by `npm run bench:wall`.

const maxSamples = 20_000;

export interface WallStatsSnapshot {
  seconds: number;
  tiles: number;
  draws: number;
  drawsPerTile: Record<string, number>;
  latencyP50: number;
  latencyP95: number;
  samples: number;
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export class WallStats {
  private startedAt: number;
  private drawsPerTile = new Map<string, number>();
  private latencies: number[] = [];

  constructor(private readonly now: () => number) {
    this.startedAt = now();
  }

  recordDraw(tileKey: string, latencyMs: number | null): void {
    this.drawsPerTile.set(tileKey, (this.drawsPerTile.get(tileKey) ?? 0) + 1);
    if (latencyMs !== null && this.latencies.length < maxSamples) this.latencies.push(latencyMs);
  }

  reset(): void {
    this.startedAt = this.now();
    this.drawsPerTile = new Map();
    this.latencies = [];
  }

  snapshot(): WallStatsSnapshot {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const drawsPerTile = Object.fromEntries(this.drawsPerTile);
    return {
      seconds: (this.now() - this.startedAt) / 1000,
      tiles: this.drawsPerTile.size,
      draws: Object.values(drawsPerTile).reduce((sum, count) => sum + count, 0),
      drawsPerTile,
      latencyP50: percentile(sorted, 0.5),
      latencyP95: percentile(sorted, 0.95),
      samples: sorted.length,
    };
  }
}
