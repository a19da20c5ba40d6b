// Watches every online phone's grid stream through the DeviceHub and reports when one needs attention.
import type { DeviceHub, DeviceInfo, StreamHold } from '../base/deviceHub.ts';
import { messageOf } from '../base/boxError.ts';
import { EventSource } from '../base/events.ts';
import { AttentionDetector, type Attention, type AttentionRule } from './attentionDetector.ts';

export type AttentionEvent = { type: 'raised'; attention: Attention } | { type: 'cleared'; deviceId: string };

export interface AttentionMonitorOptions {
  hub: DeviceHub;
  /** Wall-clock ms. */
  now: () => number;
  rule?: Partial<AttentionRule>;
  log?: (line: string) => void;
}

interface Watched {
  detector: AttentionDetector;
  hold: StreamHold | null;
  unsubscribe: (() => void) | null;
}

export class AttentionMonitor {
  readonly #o: AttentionMonitorOptions;
  readonly #watched = new Map<string, Watched>();
  readonly #events: EventSource<[AttentionEvent]>;
  #offDeviceChange: (() => void) | null = null;

  constructor(options: AttentionMonitorOptions) {
    this.#o = options;
    this.#events = new EventSource((error) => options.log?.(`attention listener failed: ${messageOf(error)}`));
  }

  /** Holds the grid stream of every online phone now and as phones come and go. */
  start(): void {
    if (this.#offDeviceChange) return;
    this.#offDeviceChange = this.#o.hub.onDeviceChange((device, removed) => this.#onDevice(device, removed));
    for (const device of this.#o.hub.list()) this.#onDevice(device, false);
  }

  /** Releases every stream hold; raised attentions are forgotten. */
  stop(): void {
    this.#offDeviceChange?.();
    this.#offDeviceChange = null;
    for (const watched of this.#watched.values()) this.#release(watched);
    this.#watched.clear();
  }

  onAttention(listener: (event: AttentionEvent) => void): () => void {
    return this.#events.on(listener);
  }

  /** Every phone that currently needs attention, oldest first. */
  state(): Attention[] {
    return [...this.#watched.values()]
      .map((watched) => watched.detector.raised)
      .filter((attention): attention is Attention => attention !== null)
      .sort((a, b) => a.since - b.since);
  }

  /** An operator took the phone: its attention (if any) is cleared and what follows is theirs. */
  clear(deviceId: string): void {
    const watched = this.#watched.get(deviceId);
    if (watched?.detector.clear(this.#o.now())) this.#emit({ type: 'cleared', deviceId });
  }

  /** An operator sent input to the phone (every control message, including group-sync followers). */
  operatorInput(deviceId: string): void {
    this.#watched.get(deviceId)?.detector.operatorInput(this.#o.now());
  }

  /** An operator holds (focuses) the phone, or let it go; taking it also clears its attention. */
  setOperatorHolding(deviceId: string, holding: boolean): void {
    if (holding) this.clear(deviceId);
    this.#watched.get(deviceId)?.detector.setOperatorHolding(holding, this.#o.now());
  }

  #onDevice(device: DeviceInfo, removed: boolean): void {
    let watched = this.#watched.get(device.id);
    if (removed) {
      if (!watched) return;
      this.#release(watched);
      this.#watched.delete(device.id);
      if (watched.detector.raised) this.#emit({ type: 'cleared', deviceId: device.id });
      return;
    }
    if (!watched) {
      watched = { detector: new AttentionDetector(device.id, this.#o.rule), hold: null, unsubscribe: null };
      this.#watched.set(device.id, watched);
    }
    if (device.state !== 'online') {
      this.#release(watched);
      return;
    }
    if (watched.hold) return;
    try {
      const hold = this.#o.hub.holdStream(device.id, 'grid');
      const detector = watched.detector;
      watched.hold = hold;
      // Live packets only: the snapshot's key frame and followers are the past.
      watched.unsubscribe = hold.stream.onPacket((packet) => {
        const raised = detector.packet(packet, this.#o.now());
        if (raised) this.#emit({ type: 'raised', attention: raised });
      });
    } catch (error) {
      // The phone went away between the event and the hold; its next online event tries again.
      this.#o.log?.(`attention: cannot watch ${device.id}: ${messageOf(error)}`);
    }
  }

  #release(watched: Watched): void {
    watched.unsubscribe?.();
    watched.hold?.release();
    watched.unsubscribe = null;
    watched.hold = null;
  }

  #emit(event: AttentionEvent): void {
    this.#events.emit(event);
  }
}
