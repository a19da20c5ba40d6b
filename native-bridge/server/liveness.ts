// Ping/pong liveness for every socket: a peer that misses two ping intervals is cut.
import type { WebSocket } from 'ws';

export class Liveness {
  private readonly missed = new Map<WebSocket, number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly intervalMs: number) {}

  watch(ws: WebSocket): void {
    this.missed.set(ws, 0);
    ws.on('pong', () => this.missed.set(ws, 0));
    ws.on('close', () => this.missed.delete(ws));
  }

  start(onTick?: () => void): void {
    this.timer = setInterval(() => {
      for (const [ws, missed] of this.missed) {
        // A pong resets the count; two pings without one mean the peer is gone (no close handshake possible).
        if (missed >= 2) {
          ws.terminate();
          this.missed.delete(ws);
          continue;
        }
        this.missed.set(ws, missed + 1);
        ws.ping();
      }
      onTick?.();
    }, this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.missed.clear();
  }
}
