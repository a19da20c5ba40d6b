// One session's video socket: encodes the screen when it changes and writes scrcpy 3.x video packets.
import { H264Encoder } from '../encoder/h264Encoder.ts';
import type { EncodedUnit } from '../encoder/flvVideoReader.ts';
import type { SpawnPacer } from '../encoder/spawnPacer.ts';
import type { PhoneChannel, PhoneScreen } from '../types.ts';
import type { ServerLog } from './serverLog.ts';
import { computeVideoSize, type Size } from './videoSize.ts';

const CodecIdH264 = 0x68323634;
const FlagConfig = 1n << 63n;
const FlagKeyFrame = 1n << 62n;
const PtsMask = FlagKeyFrame - 1n;
/** Without max_fps the real server follows the display; 60 Hz is what a phone panel gives. */
const DefaultFps = 60;
const MaxEncoderRestarts = 3;

export interface VideoStreamerOptions {
  screen: PhoneScreen;
  channel: PhoneChannel;
  maxSize: number;
  maxFps: number;
  bitRate: number;
  sendCodecMeta: boolean;
  sendFrameMeta: boolean;
  ffmpegPath: string;
  pacer: SpawnPacer;
  log: ServerLog;
  /** Monotonic microseconds (frame PTS). */
  nowUs: () => bigint;
  /** Pending unacknowledged bytes above which frames are dropped instead of queued. */
  highWaterBytes?: number;
  onFatal: (error: string) => void;
}

export interface VideoStreamerStats {
  framesSent: number;
  keyFramesSent: number;
  configsSent: number;
  framesDropped: number;
  bytesSent: number;
  encoderStarts: number;
}

/** Encodes only when PhoneScreen.version changes; key frames (and size changes) restart the encoder. */
export class VideoStreamer {
  readonly stats: VideoStreamerStats = { framesSent: 0, keyFramesSent: 0, configsSent: 0, framesDropped: 0, bytesSent: 0, encoderStarts: 0 };
  readonly #o: VideoStreamerOptions;
  readonly #fps: number;
  readonly #highWater: number;
  #size: Size;
  #source: Size;
  #encoder: H264Encoder | null = null;
  #generation = 0;
  #failures = 0;
  #stopped = false;
  #encodedVersion = -1;
  #pts: bigint[] = [];
  #lastFeedUs = 0n;
  #feedTimer: ReturnType<typeof setTimeout> | null = null;
  #resyncNeeded = false;
  #unsubscribe: (() => void) | null = null;

  constructor(options: VideoStreamerOptions) {
    this.#o = options;
    this.#fps = options.maxFps > 0 ? Math.min(options.maxFps, DefaultFps) : DefaultFps;
    this.#highWater = options.highWaterBytes ?? Math.max(256 * 1024, Math.floor(options.bitRate / 8));
    this.#source = { width: options.screen.width, height: options.screen.height };
    this.#size = computeVideoSize(this.#source, options.maxSize);
  }

  /** The size of the frames currently sent (what touch positions must refer to). */
  get size(): Size {
    return this.#size;
  }

  get encoderPid(): number | undefined {
    return this.#encoder?.pid;
  }

  start(): void {
    if (this.#o.sendCodecMeta) {
      const meta = new Uint8Array(12);
      const view = new DataView(meta.buffer);
      view.setUint32(0, CodecIdH264);
      view.setUint32(4, this.#size.width);
      view.setUint32(8, this.#size.height);
      this.#write(meta);
    }
    this.#unsubscribe = this.#o.screen.onChange(() => this.#onScreenChange());
    void this.#restartEncoder();
  }

  /** RESET_VIDEO: a new config and a key frame of the current screen. */
  requestKeyFrame(): void {
    if (!this.#stopped) void this.#restartEncoder();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#generation += 1;
    this.#unsubscribe?.();
    if (this.#feedTimer) clearTimeout(this.#feedTimer);
    await this.#encoder?.stop();
    this.#encoder = null;
  }

  #onScreenChange(): void {
    const { width, height } = this.#o.screen;
    if (width !== this.#source.width || height !== this.#source.height) {
      this.#source = { width, height };
      this.#size = computeVideoSize(this.#source, this.#o.maxSize);
      this.#o.log.info(`Display size changed: ${width}x${height}, video ${this.#size.width}x${this.#size.height}`);
      void this.#restartEncoder();
      return;
    }
    this.#scheduleFeed();
  }

  /**
   * ffmpeg's CLI cannot be asked for an IDR on demand (-force_key_frames is evaluated on timestamps), so a key
   * frame request restarts the encoder: measured here ~100 ms from spawn to the first IDR at 720×1600, and the
   * new process also emits the config packet a decoder needs after a reset or a size change.
   */
  async #restartEncoder(): Promise<void> {
    const generation = ++this.#generation;
    const previous = this.#encoder;
    this.#encoder = null;
    this.#pts = [];
    if (this.#feedTimer) clearTimeout(this.#feedTimer);
    this.#feedTimer = null;
    await previous?.stop();
    await this.#o.pacer.slot();
    if (generation !== this.#generation || this.#stopped) return;
    const encoder = new H264Encoder({
      ffmpegPath: this.#o.ffmpegPath,
      width: this.#size.width,
      height: this.#size.height,
      fps: Math.max(1, Math.round(this.#fps)),
      bitRate: this.#o.bitRate,
      // frames are fed only on change: a periodic IDR every ~10 s of continuous change bounds what a relay
      // must cache for late viewers (last key frame + followers); decoders themselves need none
      gop: Math.max(30, Math.round(this.#fps * 10)),
      onUnit: (unit) => {
        if (generation === this.#generation) this.#onUnit(unit);
      },
      onFailure: (error) => {
        if (generation === this.#generation) this.#onEncoderFailure(error);
      },
    });
    this.#encoder = encoder;
    this.stats.encoderStarts += 1;
    this.#resyncNeeded = false;
    this.#encodedVersion = -1;
    try {
      encoder.start();
    } catch (error) {
      this.#onEncoderFailure(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.#feed();
  }

  #onEncoderFailure(error: Error): void {
    this.#failures += 1;
    this.#o.log.error(`Encoding error: ${error.message}`);
    if (this.#failures > MaxEncoderRestarts) {
      this.#o.onFatal(`video encoder failed ${this.#failures} times`);
      return;
    }
    void this.#restartEncoder();
  }

  #scheduleFeed(): void {
    if (this.#feedTimer || this.#stopped) return;
    const intervalUs = BigInt(Math.round(1_000_000 / this.#fps));
    const dueInUs = this.#lastFeedUs + intervalUs - this.#o.nowUs();
    if (dueInUs <= 0n) {
      this.#feed();
      return;
    }
    this.#feedTimer = setTimeout(() => {
      this.#feedTimer = null;
      this.#feed();
    }, Number(dueInUs / 1000n) + 1);
  }

  #congested(): boolean {
    return this.#o.channel.pendingBytes > this.#highWater;
  }

  #feed(): void {
    const encoder = this.#encoder;
    if (this.#stopped || !encoder || !encoder.running || encoder.inFlight > 0) return;
    const version = this.#o.screen.version;
    if (version === this.#encodedVersion) return;
    if (this.#congested()) {
      // The host is not reading: skip this screen state; the next write acknowledgement retries.
      this.stats.framesDropped += 1;
      this.#resyncNeeded = true;
      return;
    }
    if (this.#resyncNeeded) {
      void this.#restartEncoder();
      return;
    }
    const nowUs = this.#o.nowUs();
    try {
      const rgba = this.#o.screen.renderRgba(this.#size.width, this.#size.height);
      if (!encoder.encode(rgba)) return;
    } catch (error) {
      this.#onEncoderFailure(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.#encodedVersion = version;
    this.#lastFeedUs = nowUs;
    this.#pts.push(nowUs);
  }

  #onUnit(unit: EncodedUnit): void {
    if (unit.type === 'config') {
      this.stats.configsSent += 1;
      this.#writePacket(FlagConfig, unit.data);
      return;
    }
    const pts = this.#pts.shift() ?? this.#o.nowUs();
    // A key frame is the resync point itself (and follows its config write at once), so it is never dropped.
    if (this.#resyncNeeded || (!unit.keyframe && this.#congested())) {
      // Once a frame is dropped the following ones cannot be decoded: resume with a new config + IDR.
      this.stats.framesDropped += 1;
      this.#resyncNeeded = true;
    } else {
      this.stats.framesSent += 1;
      this.#failures = 0;
      if (unit.keyframe) this.stats.keyFramesSent += 1;
      this.#writePacket((pts & PtsMask) | (unit.keyframe ? FlagKeyFrame : 0n), unit.data);
    }
    this.#scheduleFeed();
  }

  #writePacket(ptsAndFlags: bigint, data: Uint8Array): void {
    if (!this.#o.sendFrameMeta) {
      this.#write(data);
      return;
    }
    const packet = new Uint8Array(12 + data.length);
    const view = new DataView(packet.buffer);
    view.setBigUint64(0, ptsAndFlags);
    view.setUint32(8, data.length);
    packet.set(data, 12);
    this.#write(packet);
  }

  #write(data: Uint8Array): void {
    if (this.#o.channel.closed) return;
    this.stats.bytesSent += data.length;
    this.#o.channel.write(data).then(
      () => {
        if (this.#resyncNeeded || this.#encodedVersion !== this.#o.screen.version) this.#scheduleFeed();
      },
      () => undefined,
    );
  }
}
