// One stream's WebCodecs decoder: configures from CONFIG packets, starts at key frames, keeps only the newest
// decoded frame (older ones are closed at once) for the next animation frame to draw.
import type { MediaFrame } from '../../../../native-bridge/protocol/mediaFrame.ts';
import { h264CodecString } from './h264Codec.ts';

/** Past this many chunks waiting in the decoder, drop to the next key frame instead of falling behind. */
const maxDecodeQueue = 3;

export interface TileDecoderHooks {
  /** The decoder lost its place (error, backlog, resubscribe): ask the box for a config + key frame. */
  needKeyFrame(): void;
  /** A new frame is ready to draw. */
  frameReady(): void;
}

export class TileDecoder {
  private decoder: VideoDecoder | null = null;
  /** Arrival time per chunk timestamp, to measure arrival→draw latency of the frame that gets drawn. */
  private readonly arrivals = new Map<number, number>();
  /** When the packet of the newest decoded frame arrived (clock of `now`). */
  latestArrivedAt: number | null = null;
  private config: Uint8Array | null = null;
  private waitingForKey = true;
  private latest: VideoFrame | null = null;
  private fresh = false;
  frameWidth = 0;
  frameHeight = 0;
  decoded = 0;
  dropped = 0;

  constructor(
    private readonly hooks: TileDecoderHooks,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(frame: MediaFrame): void {
    const { header, payload } = frame;
    if (header.config) {
      this.configure(payload, header.width, header.height);
      return;
    }
    const decoder = this.decoder;
    if (!decoder || decoder.state !== 'configured') return;
    if (this.waitingForKey && !header.keyframe) {
      this.dropped++;
      return;
    }
    if (!header.keyframe && decoder.decodeQueueSize > maxDecodeQueue) {
      this.dropped++;
      this.waitingForKey = true;
      this.hooks.needKeyFrame();
      return;
    }
    // Annex-B without a `description`: SPS/PPS must travel in-band in front of each key frame.
    const data = header.keyframe && this.config ? concat(this.config, payload) : payload;
    const timestamp = Number(header.pts);
    this.arrivals.set(timestamp, this.now());
    if (this.arrivals.size > 64) this.arrivals.delete(this.arrivals.keys().next().value as number);
    try {
      decoder.decode(new EncodedVideoChunk({ type: header.keyframe ? 'key' : 'delta', timestamp, data }));
      this.waitingForKey = false;
    } catch {
      this.reset();
    }
  }

  /** The newest decoded frame and whether it arrived since the last call; the decoder keeps ownership. */
  current(): { frame: VideoFrame | null; fresh: boolean } {
    const fresh = this.fresh;
    this.fresh = false;
    return { frame: this.latest, fresh };
  }

  /** Forget the stream (tile hidden or stream ended): the next subscribe starts with config + key frame. */
  pause(): void {
    this.closeDecoder();
    this.waitingForKey = true;
  }

  close(): void {
    this.closeDecoder();
    this.latest?.close();
    this.latest = null;
  }

  private configure(config: Uint8Array, width: number, height: number): void {
    this.closeDecoder();
    this.config = config.slice();
    this.frameWidth = width;
    this.frameHeight = height;
    this.waitingForKey = true;
    const decoder = new VideoDecoder({
      output: (videoFrame) => this.onOutput(decoder, videoFrame),
      error: () => this.reset(),
    });
    decoder.configure({ codec: h264CodecString(config), optimizeForLatency: true, codedWidth: width || undefined, codedHeight: height || undefined });
    this.decoder = decoder;
  }

  private onOutput(source: VideoDecoder, videoFrame: VideoFrame): void {
    if (source !== this.decoder) {
      videoFrame.close();
      return;
    }
    this.latest?.close();
    this.latest = videoFrame;
    this.latestArrivedAt = this.arrivals.get(videoFrame.timestamp) ?? null;
    this.arrivals.delete(videoFrame.timestamp);
    this.fresh = true;
    this.decoded++;
    this.hooks.frameReady();
  }

  private reset(): void {
    this.closeDecoder();
    if (this.config) this.configure(this.config, this.frameWidth, this.frameHeight);
    this.hooks.needKeyFrame();
  }

  private closeDecoder(): void {
    const decoder = this.decoder;
    this.decoder = null;
    if (decoder && decoder.state !== 'closed') decoder.close();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
