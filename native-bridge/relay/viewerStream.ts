// One viewer's subscription to one stream: snapshot first, then live packets, drop-to-key-frame backpressure.
import type { StreamHold, VideoPacket } from '../base/deviceHub.ts';
import type { MediaFramer } from './mediaFramer.ts';

/** The part of a WebSocket the relay uses (ws's WebSocket fits). */
export interface ViewerSocket {
  readonly bufferedAmount: number;
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface BackpressurePolicy {
  /** Buffered bytes above which this viewer's packets are dropped until the next key frame. */
  capBytes: number;
  /** A viewer over the cap for longer than this is cut. */
  cutAfterMs: number;
}

export interface ViewerStreamStats {
  sent: number;
  dropped: number;
  dropEpisodes: number;
}

export interface ViewerStreamHooks {
  now: () => number;
  /** Asks the phone for a key frame (throttled by the caller). */
  requestKeyFrame: () => void;
  /** Called when the viewer stayed over the cap too long; the owner closes the socket. */
  onSlow: () => void;
  /** Called after each packet is handed to the socket (for latency measurement). */
  onSent?: (packet: VideoPacket) => void;
}

export class ViewerStream {
  readonly stats: ViewerStreamStats = { sent: 0, dropped: 0, dropEpisodes: 0 };
  private dropping = false;
  private pendingConfig: VideoPacket | null = null;
  private overCapSince: number | null = null;
  private stopListening: (() => void) | null = null;
  private closed = false;

  constructor(
    private readonly hold: StreamHold,
    private readonly framer: MediaFramer,
    private readonly socket: ViewerSocket,
    private readonly policy: BackpressurePolicy,
    private readonly hooks: ViewerStreamHooks,
  ) {}

  get streamId(): number {
    return this.framer.streamId;
  }

  /** Sends the GOP snapshot, then follows live packets (both synchronous, so nothing falls between them). */
  start(): void {
    for (const packet of this.hold.stream.snapshot()) this.deliver(packet);
    this.stopListening = this.hold.stream.onPacket((packet) => this.deliver(packet));
  }

  /** Asks the phone for a key frame (throttled per stream). */
  requestKeyFrame(): void {
    this.hooks.requestKeyFrame();
  }

  /** Re-checks the cut timeout when no packets arrive (called periodically by the owner). */
  checkSlow(): void {
    if (this.closed || this.overCapSince === null) return;
    if (this.socket.bufferedAmount <= this.policy.capBytes) {
      this.overCapSince = null;
      return;
    }
    if (this.hooks.now() - this.overCapSince > this.policy.cutAfterMs) this.cut();
  }

  stop(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopListening?.();
    this.stopListening = null;
    this.hold.release();
  }

  private deliver(packet: VideoPacket): void {
    if (this.closed) return;
    if (this.socket.bufferedAmount > this.policy.capBytes) {
      const now = this.hooks.now();
      if (this.overCapSince === null) this.overCapSince = now;
      else if (now - this.overCapSince > this.policy.cutAfterMs) {
        this.cut();
        return;
      }
      this.startDropping();
      if (packet.type === 'config') this.pendingConfig = packet;
      else this.stats.dropped += 1;
      return;
    }
    this.overCapSince = null;
    if (this.dropping) {
      if (packet.type === 'config') {
        this.pendingConfig = packet;
        return;
      }
      if (!packet.keyframe) {
        this.stats.dropped += 1;
        // Back under the cap: ask again (throttled per stream) rather than wait up to a whole GOP.
        this.hooks.requestKeyFrame();
        return;
      }
      this.dropping = false;
      if (this.pendingConfig) this.send(this.pendingConfig);
      this.pendingConfig = null;
    }
    this.send(packet);
  }

  private startDropping(): void {
    if (this.dropping) return;
    this.dropping = true;
    this.stats.dropEpisodes += 1;
    this.hooks.requestKeyFrame();
  }

  private send(packet: VideoPacket): void {
    this.socket.send(this.framer.frame(packet));
    this.stats.sent += 1;
    this.hooks.onSent?.(packet);
  }

  private cut(): void {
    this.stop();
    this.hooks.onSlow();
  }
}
