// One device × profile video stream as viewers see it: outlives scrcpy session restarts, fans packets out.
import { EventSource } from '../base/events.ts';
import type { StreamProfileName, VideoPacket, VideoStream } from '../base/deviceHub.ts';
import { GopCache, type GopCacheLimits } from './gopCache.ts';

export class DeviceVideoStream implements VideoStream {
  readonly deviceId: string;
  readonly profile: StreamProfileName;
  readonly #cache: GopCache;
  // One broken viewer must not stop the others; the relay handles its own errors.
  readonly #packets = new EventSource<[VideoPacket]>(() => {});
  #keyFrameRequester: (() => void) | null = null;
  #width = 0;
  #height = 0;

  constructor(deviceId: string, profile: StreamProfileName, limits?: GopCacheLimits) {
    this.deviceId = deviceId;
    this.profile = profile;
    this.#cache = new GopCache(limits);
  }

  /** The video size of the current config (0 before the first one). */
  get width(): number {
    return this.#width;
  }

  get height(): number {
    return this.#height;
  }

  snapshot(): VideoPacket[] {
    return this.#cache.snapshot();
  }

  onPacket(listener: (packet: VideoPacket) => void): () => void {
    return this.#packets.on(listener);
  }

  requestKeyFrame(): void {
    this.#keyFrameRequester?.();
  }

  /** Called by the session that currently feeds this stream (null while no session runs). */
  setKeyFrameRequester(requester: (() => void) | null): void {
    this.#keyFrameRequester = requester;
  }

  /** Feeds one packet from the phone; the same object (and buffer) goes to every listener. */
  publish(packet: VideoPacket): void {
    if (packet.type === 'config') {
      this.#width = packet.width;
      this.#height = packet.height;
      this.#cache.setConfig(packet);
    } else if (!this.#cache.push(packet)) {
      this.requestKeyFrame();
    }
    this.#packets.emit(packet);
  }

  /** The session ended: new viewers must wait for the next session's config. */
  reset(): void {
    this.#cache.clear();
    this.#width = 0;
    this.#height = 0;
  }
}
