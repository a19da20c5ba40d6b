// One libx264 encoder process (ffmpeg): RGBA frames in, H.264 config and access units out.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { FlvVideoReader, type EncodedUnit } from './flvVideoReader.ts';

export interface H264EncoderOptions {
  ffmpegPath: string;
  width: number;
  height: number;
  fps: number;
  bitRate: number;
  /** Frames between forced IDRs (frames are only fed on change, so this is counted in changes). */
  gop: number;
  onUnit: (unit: EncodedUnit) => void;
  /** Called once if the process ends without `stop()` (crash, killed, bad output). */
  onFailure: (error: Error) => void;
}

/** Builds the ffmpeg command line; FLV is only the framing of the H.264 packets (see FlvVideoReader). */
export function h264EncoderArgs(options: Pick<H264EncoderOptions, 'width' | 'height' | 'fps' | 'bitRate' | 'gop'>): string[] {
  return [
    '-hide_banner', '-loglevel', 'error', '-nostdin',
    '-f', 'rawvideo', '-pix_fmt', 'rgba', '-s', `${options.width}x${options.height}`, '-r', String(options.fps),
    '-i', 'pipe:0',
    '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'ultrafast', '-tune', 'zerolatency',
    '-profile:v', 'baseline', '-bf', '0', '-threads', '1', '-g', String(options.gop),
    '-b:v', String(options.bitRate), '-maxrate', String(options.bitRate), '-bufsize', String(options.bitRate),
    '-flush_packets', '1', '-f', 'flv', 'pipe:1',
  ];
}

export class H264Encoder {
  readonly width: number;
  readonly height: number;
  readonly #options: H264EncoderOptions;
  readonly #reader = new FlvVideoReader();
  #process: ChildProcessByStdio<Writable, Readable, Readable> | null = null;
  #inFlight = 0;
  #stopped = false;
  #failed = false;
  #stderr = '';
  #exited: Promise<void> = Promise.resolve();

  constructor(options: H264EncoderOptions) {
    this.#options = options;
    this.width = options.width;
    this.height = options.height;
  }

  get pid(): number | undefined {
    return this.#process?.pid;
  }

  /** Frames fed whose access unit has not come out yet. */
  get inFlight(): number {
    return this.#inFlight;
  }

  get running(): boolean {
    return this.#process !== null && !this.#stopped && !this.#failed;
  }

  start(): void {
    const child = spawn(this.#options.ffmpegPath, h264EncoderArgs(this.#options), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#process = child;
    this.#exited = new Promise((resolve) => child.once('close', () => resolve()));
    child.stdin.on('error', () => undefined);
    child.stderr.on('data', (data: Buffer) => {
      this.#stderr = (this.#stderr + data.toString('utf8')).slice(-2000);
    });
    child.stdout.on('data', (data: Buffer) => this.#onOutput(new Uint8Array(data.buffer, data.byteOffset, data.length)));
    child.once('error', (error) => this.#fail(error));
    child.once('close', (code, signal) => {
      if (!this.#stopped) this.#fail(new Error(`ffmpeg exited (${signal ?? code}): ${this.#stderr.trim() || 'no output'}`));
    });
  }

  /** Feeds one frame of width×height×4 bytes; false if the encoder is not running or still busy. */
  encode(rgba: Uint8Array): boolean {
    const child = this.#process;
    if (!child || !this.running || this.#inFlight > 0) return false;
    if (rgba.length !== this.width * this.height * 4) throw new RangeError('frame size does not match the encoder');
    this.#inFlight += 1;
    child.stdin.write(rgba);
    return true;
  }

  /** Ends the process (stdin closed, then killed if it lingers) and waits for it. */
  async stop(): Promise<void> {
    this.#stopped = true;
    const child = this.#process;
    if (!child) return;
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await this.#exited;
      clearTimeout(timer);
    }
  }

  #onOutput(chunk: Uint8Array): void {
    if (this.#stopped || this.#failed) return;
    let units: EncodedUnit[];
    try {
      units = this.#reader.push(chunk);
    } catch (error) {
      this.#fail(error instanceof Error ? error : new Error(String(error)));
      this.#process?.kill('SIGKILL');
      return;
    }
    for (const unit of units) {
      if (unit.type === 'frame' && this.#inFlight > 0) this.#inFlight -= 1;
      this.#options.onUnit(unit);
    }
  }

  #fail(error: Error): void {
    if (this.#failed || this.#stopped) return;
    this.#failed = true;
    this.#options.onFailure(error);
  }
}
