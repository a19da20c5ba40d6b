// One running scrcpy server: accepts its sockets in order, then streams video and serves control.
import type { SpawnPacer } from '../encoder/spawnPacer.ts';
import type { PhoneChannel, PhoneIdentity, PhoneScreen, ScrcpySessionInfo } from '../types.ts';
import { ControlHandler } from './controlHandler.ts';
import { ControlMessageReader } from './controlMessageReader.ts';
import { encodeClipboardMessage, truncateUtf8 } from './deviceMessageWriter.ts';
import type { ServerLog } from './serverLog.ts';
import { socketNameFor, type ServerOptions } from './serverOptions.ts';
import { VideoStreamer } from './videoStreamer.ts';
import type { Size } from './videoSize.ts';

type SocketRole = 'video' | 'audio' | 'control';
const DeviceNameFieldLength = 64;

export interface ScrcpySessionOptions {
  options: ServerOptions;
  screen: PhoneScreen;
  identity: PhoneIdentity;
  log: ServerLog;
  ffmpegPath: string;
  pacer: SpawnPacer;
  nowUs: () => bigint;
  videoHighWaterBytes?: number;
}

/** The 64-byte device name field: UTF-8, NUL-padded, cut at a character boundary. */
export function encodeDeviceName(name: string): Uint8Array {
  const out = new Uint8Array(DeviceNameFieldLength);
  // one byte is kept for the terminating NUL, as the real server does
  out.set(truncateUtf8(new TextEncoder().encode(name), DeviceNameFieldLength - 1));
  return out;
}

export class ScrcpySession {
  readonly socketName: string;
  readonly options: ServerOptions;
  readonly done: Promise<number>;
  readonly #o: ScrcpySessionOptions;
  readonly #roles: SocketRole[];
  readonly #channels: PhoneChannel[] = [];
  #video: VideoStreamer | null = null;
  #control: PhoneChannel | null = null;
  #controlHandler: ControlHandler | null = null;
  #cleanups: (() => void)[] = [];
  #ended = false;
  #resolve!: (code: number) => void;

  constructor(o: ScrcpySessionOptions) {
    this.#o = o;
    this.options = o.options;
    this.socketName = socketNameFor(o.options.scid);
    const roles: SocketRole[] = [];
    if (o.options.video) roles.push('video');
    if (o.options.audio) roles.push('audio');
    if (o.options.control) roles.push('control');
    this.#roles = roles;
    this.done = new Promise((resolve) => {
      this.#resolve = resolve;
    });
    if (roles.length === 0) this.end(0);
  }

  get encoderPid(): number | undefined {
    return this.#video?.encoderPid;
  }

  get videoStats() {
    return this.#video?.stats;
  }

  info(): ScrcpySessionInfo {
    const size = this.#videoSize();
    return {
      scid: this.options.scid === -1 ? '' : this.options.scid.toString(16).padStart(8, '0'),
      maxSize: this.options.maxSize,
      width: size.width,
      height: size.height,
      video: this.options.video,
      control: this.options.control,
    };
  }

  /** A `localabstract:` connection to this session's socket; false once every socket is taken. */
  accept(channel: PhoneChannel): boolean {
    if (this.#ended || this.#channels.length >= this.#roles.length) return false;
    const first = this.#channels.length === 0;
    this.#channels.push(channel);
    channel.onClose(() => {
      if (!this.#ended) this.#o.log.debug('Socket closed by the client');
      this.end(0);
    });
    // With a forward tunnel the client cannot tell an adb-accepted connection from a server-accepted one.
    if (first && this.options.tunnelForward && this.options.sendDummyByte) this.#send(channel, new Uint8Array([0]));
    if (this.#channels.length === this.#roles.length) this.#startStreaming();
    return true;
  }

  /** Ends the session: stops the encoder, closes every socket, resolves `done` with `code`. */
  end(code: number): void {
    if (this.#ended) return;
    this.#ended = true;
    for (const cleanup of this.#cleanups) cleanup();
    const video = this.#video;
    void (video ? video.stop() : Promise.resolve()).finally(() => {
      for (const channel of this.#channels) channel.close();
      this.#resolve(code);
    });
  }

  #videoSize(): Size {
    if (this.#video) return this.#video.size;
    return { width: this.#o.screen.width, height: this.#o.screen.height };
  }

  #send(channel: PhoneChannel, data: Uint8Array): void {
    if (!channel.closed) channel.write(data).catch(() => undefined);
  }

  #startStreaming(): void {
    const { options, screen, log } = this.#o;
    const first = this.#channels[0]!;
    if (options.sendDeviceMeta) this.#send(first, encodeDeviceName(this.#o.identity.model));
    this.#roles.forEach((role, index) => {
      const channel = this.#channels[index]!;
      if (role === 'video') this.#startVideo(channel);
      if (role === 'audio') {
        // Codec id 0 = "disabled": what a device without audio capture sends; the socket stays open.
        log.warn('Audio capture is not supported on this device, audio disabled');
        this.#send(channel, new Uint8Array(4));
      }
      if (role === 'control') this.#startControl(channel);
    });
    if (options.control && options.clipboardAutosync) {
      this.#cleanups.push(
        screen.onClipboardChange((text) => {
          if (this.#controlHandler?.settingClipboard || !this.#control) return;
          this.#send(this.#control, encodeClipboardMessage(text));
        }),
      );
    }
  }

  #startVideo(channel: PhoneChannel): void {
    const { options } = this.#o;
    this.#video = new VideoStreamer({
      screen: this.#o.screen,
      channel,
      maxSize: options.maxSize,
      maxFps: options.maxFps,
      bitRate: options.videoBitRate,
      sendCodecMeta: options.sendCodecMeta,
      sendFrameMeta: options.sendFrameMeta,
      ffmpegPath: this.#o.ffmpegPath,
      pacer: this.#o.pacer,
      log: this.#o.log,
      nowUs: this.#o.nowUs,
      ...(this.#o.videoHighWaterBytes !== undefined ? { highWaterBytes: this.#o.videoHighWaterBytes } : {}),
      onFatal: (error) => {
        this.#o.log.error(error);
        this.end(1);
      },
    });
    this.#video.start();
  }

  #startControl(channel: PhoneChannel): void {
    this.#control = channel;
    const reader = new ControlMessageReader();
    const handler = new ControlHandler({
      screen: this.#o.screen,
      log: this.#o.log,
      videoSize: () => this.#videoSize(),
      reply: (data) => this.#send(channel, data),
      resetVideo: () => this.#video?.requestKeyFrame(),
    });
    this.#controlHandler = handler;
    channel.onData((data) => {
      if (this.#ended) return;
      for (const message of reader.push(data)) {
        try {
          handler.handle(message);
        } catch (error) {
          this.#o.log.error(`Could not handle ${message.type}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (reader.error !== null) {
        // The real server's controller stops on a protocol error, which ends the whole session.
        this.#o.log.error(`Controller error: ${reader.error}`);
        this.end(0);
      }
    });
  }
}
