// The scrcpy-server 3.3.x emulation of one phone: runs sessions started by the shell, routes their sockets.
import { locateFfmpeg } from '../encoder/ffmpegLocator.ts';
import { SpawnPacer } from '../encoder/spawnPacer.ts';
import type { PhoneChannel, PhoneIdentity, PhoneScreen, ScrcpyServerHost, ScrcpySessionInfo, ShellIo } from '../types.ts';
import { ScrcpySession } from './scrcpySession.ts';
import { ServerLog } from './serverLog.ts';
import { parseServerArgs, socketNameFor, type ServerOptions } from './serverOptions.ts';

export const ScrcpyServerVersion = '3.3.3';
const KilledExitCode = 137;

export interface ScrcpyServerOptions {
  screen: PhoneScreen;
  identity: PhoneIdentity;
  version?: string;
  log?: (line: string) => void;
  /** Where to find ffmpeg; looked up on PATH when a video session starts if absent. */
  ffmpegPath?: string;
  /** Shared by every phone of a process so encoders start staggered (defaults to the process-wide one). */
  pacer?: SpawnPacer;
  /** Monotonic clock in microseconds, for frame PTS. */
  nowUs?: () => bigint;
  /** Unacknowledged video bytes above which frames are dropped (default: about one second of video). */
  videoHighWaterBytes?: number;
}

export class ScrcpyServer implements ScrcpyServerHost {
  readonly #o: ScrcpyServerOptions;
  readonly #version: string;
  readonly #sessions = new Map<string, ScrcpySession>();
  #ffmpegPath: string | undefined;

  constructor(options: ScrcpyServerOptions) {
    this.#o = options;
    this.#version = options.version ?? ScrcpyServerVersion;
    this.#ffmpegPath = options.ffmpegPath;
  }

  async run(args: string[], io: ShellIo): Promise<number> {
    const parsed = parseServerArgs(args, this.#version);
    if (!parsed.ok) {
      io.stderr(`[server] ERROR: ${parsed.error}\n`);
      this.#o.log?.(`[server] ERROR: ${parsed.error}`);
      return 1;
    }
    const { options } = parsed;
    const log = new ServerLog(io, options.logLevel, this.#o.log);
    for (const warning of parsed.warnings) log.warn(warning);
    const { identity } = this.#o;
    log.info(`Device: [${identity.manufacturer}] ${identity.brand} ${identity.model} (Android ${identity.release})`);

    if (options.listEncoders || options.listDisplays) {
      this.#printLists(options, log);
      return 0;
    }
    const socketName = socketNameFor(options.scid);
    if (this.#sessions.has(socketName)) {
      log.error(`Could not listen on ${socketName}: Address already in use`);
      return 1;
    }
    let ffmpegPath = '';
    if (options.video) {
      try {
        this.#ffmpegPath ??= locateFfmpeg();
        ffmpegPath = this.#ffmpegPath;
      } catch (error) {
        log.error(error instanceof Error ? error.message : String(error));
        return 1;
      }
    }
    const session = new ScrcpySession({
      options,
      screen: this.#o.screen,
      identity,
      log,
      ffmpegPath,
      pacer: this.#o.pacer ?? SpawnPacer.shared(),
      nowUs: this.#o.nowUs ?? (() => process.hrtime.bigint() / 1000n),
      ...(this.#o.videoHighWaterBytes !== undefined ? { videoHighWaterBytes: this.#o.videoHighWaterBytes } : {}),
    });
    this.#sessions.set(socketName, session);
    void io.aborted.then(() => session.end(0));
    try {
      return await session.done;
    } finally {
      if (this.#sessions.get(socketName) === session) this.#sessions.delete(socketName);
    }
  }

  connect(socketName: string, channel: PhoneChannel): boolean {
    return this.#sessions.get(socketName)?.accept(channel) ?? false;
  }

  sessions(): ScrcpySessionInfo[] {
    return [...this.#sessions.values()].map((session) => session.info());
  }

  /** Encoder process ids and video counters of the running sessions (for benchmarks and tests). */
  videoStats(): { socketName: string; encoderPid: number | undefined; bytesSent: number; framesSent: number }[] {
    return [...this.#sessions.values()].map((session) => ({
      socketName: session.socketName,
      encoderPid: session.encoderPid,
      bytesSent: session.videoStats?.bytesSent ?? 0,
      framesSent: session.videoStats?.framesSent ?? 0,
    }));
  }

  killAll(): void {
    for (const session of this.#sessions.values()) session.end(KilledExitCode);
  }

  async stop(): Promise<void> {
    const running = [...this.#sessions.values()];
    for (const session of running) session.end(KilledExitCode);
    await Promise.all(running.map((session) => session.done));
  }

  #printLists(options: ServerOptions, log: ServerLog): void {
    if (options.listEncoders) {
      log.info('List of video encoders:\n    --video-codec=h264 --video-encoder=c2.android.avc.encoder (sw)');
      log.info('List of audio encoders:');
    }
    if (options.listDisplays) {
      log.info(`List of displays:\n    --display-id=0    (${this.#o.screen.width}x${this.#o.screen.height})`);
    }
  }
}
