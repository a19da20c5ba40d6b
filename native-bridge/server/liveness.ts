// Ping/pong liveness for every socket: a peer silent for two ping intervals is cut.
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
        // A pong resets the count. A ping still unanswered at the next tick means the peer has been silent for
        // up to two intervals: it is gone, and no close handshake is possible with it.
        if (missed >= 1) {
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
