// The GOP cache: the current config packet plus every frame since the last key frame, bounded in count and bytes.
import type { VideoPacket } from '../base/deviceHub.ts';

type ConfigPacket = Extract<VideoPacket, { type: 'config' }>;
type FramePacket = Extract<VideoPacket, { type: 'frame' }>;

export interface GopCacheLimits {
  maxFrames: number;
  maxBytes: number;
}

export const defaultGopCacheLimits: GopCacheLimits = { maxFrames: 600, maxBytes: 16 * 1024 * 1024 };

export class GopCache {
  readonly #limits: GopCacheLimits;
  #config: ConfigPacket | null = null;
  #frames: FramePacket[] = [];
  #bytes = 0;

  constructor(limits: GopCacheLimits = defaultGopCacheLimits) {
    this.#limits = limits;
  }

  get config(): ConfigPacket | null {
    return this.#config;
  }

  /** A new config starts a new decoder: frames of the old one are useless to a new viewer. */
  setConfig(config: ConfigPacket): void {
    this.#config = config;
    this.#clearFrames();
  }

  /**
   * Adds a frame. Returns false when the cache overflowed and was emptied (a very long GOP):
   * the caller should ask the phone for a key frame so new viewers are not left waiting.
   */
  push(frame: FramePacket): boolean {
    if (frame.keyframe) this.#clearFrames();
    else if (this.#frames.length === 0) return true; // no key frame yet: nothing decodable to keep
    this.#frames.push(frame);
    this.#bytes += frame.data.byteLength;
    if (this.#frames.length > this.#limits.maxFrames || this.#bytes > this.#limits.maxBytes) {
      this.#clearFrames();
      return false;
    }
    return true;
  }

  /** What a new viewer needs first: config then the key frame and what followed; empty until decodable. */
  snapshot(): VideoPacket[] {
    if (!this.#config) return [];
    return [this.#config, ...this.#frames];
  }

  /** Forgets everything (the session ended; the next one sends a fresh config). */
  clear(): void {
    this.#config = null;
    this.#clearFrames();
  }

  #clearFrames(): void {
    this.#frames = [];
    this.#bytes = 0;
  }
}
