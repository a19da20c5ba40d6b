// Keeps at most one scrcpy session per profile for one phone: started on demand, stopped after a grace period,
// restarted with backoff while held, and the control channel that all input of this phone goes through.
import { randomInt } from 'node:crypto';
import type { Adb } from '@yume-chan/adb';
import { AdbScrcpyExitedError } from '@yume-chan/adb-scrcpy';
import type { ScrcpyControlMessageWriter } from '@yume-chan/scrcpy';
import type { StreamHold, StreamProfileName } from '../base/deviceHub.ts';
import { Backoff } from '../base/backoff.ts';
import { BoxError } from '../base/boxError.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { DeviceVideoStream } from './deviceVideoStream.ts';
import { describeStartFailure, startScrcpySession, type ScrcpySessionHandle } from './scrcpySession.ts';
import type { StreamProfile } from './streamProfile.ts';

export interface SessionManagerOptions {
  deviceId: string;
  profiles: Record<StreamProfileName, StreamProfile>;
  /** How long a session with no holds keeps running (a viewer flipping pages comes back at once). */
  graceMs: number;
  serverVersion?: string;
  log: (line: string) => void;
  /** A reason when sessions cannot start (the device shows `error`), null once one runs again. */
  onProblem: (reason: string | null) => void;
  /** Phone → PC clipboard, from the grid session only. */
  onClipboard: (text: string) => void;
  /** A new video size (rotation, resize) of any session: lets the device follow the screen's orientation. */
  onVideoSize?: (width: number, height: number) => void;
  /** Starts one phone-side session; replaceable so the lifecycle rules are testable without a phone. */
  startSession?: typeof startScrcpySession;
}

/** The control socket and the video size its coordinates are in. */
export interface ControlChannel {
  controller: ScrcpyControlMessageWriter;
  width: number;
  height: number;
}

interface Slot {
  readonly profile: StreamProfileName;
  readonly stream: DeviceVideoStream;
  holds: number;
  running: ScrcpySessionHandle | null;
  starting: boolean;
  graceTimer: NodeJS.Timeout | null;
  restartTimer: NodeJS.Timeout | null;
  readonly backoff: Backoff;
  /** For failures that will not fix themselves soon (wrong server version): retry slowly, never a crash loop. */
  readonly slowBackoff: Backoff;
  starts: number;
  readyWaiters: Set<() => void>;
}

const profileNames: readonly StreamProfileName[] = ['grid', 'focus'];
/** A session that ran this long counts as healthy: its next failure starts the backoff over. */
const healthyRunMs = 5_000;

/**
 * Control goes through the grid session's control socket only: the grid session is the cheap one, and it is kept
 * alive whenever anything of this phone is held (a focus hold counts) or control was used within the grace
 * period. Clients send positions in the frame they saw (grid or focus); they are scaled to the grid video size,
 * which is what the server checks touch events against. The focus session's control socket only asks for key
 * frames (RESET_VIDEO) of its own video.
 */
export class SessionManager {
  readonly #options: SessionManagerOptions;
  readonly #slots: Record<StreamProfileName, Slot>;
  #adb: Adb | null = null;
  #jarPath: string | null = null;
  #controlLeases = 0;
  #stopped = false;
  readonly #scids = new Set<number>();

  constructor(options: SessionManagerOptions) {
    this.#options = options;
    const slot = (profile: StreamProfileName): Slot => {
      const stream = new DeviceVideoStream(options.deviceId, profile);
      const created: Slot = {
        profile,
        stream,
        holds: 0,
        running: null,
        starting: false,
        graceTimer: null,
        restartTimer: null,
        backoff: new Backoff({ initialMs: 500, maxMs: 5_000, jitter: 0.2 }),
        slowBackoff: new Backoff({ initialMs: 5_000, maxMs: 60_000, jitter: 0.2 }),
        starts: 0,
        readyWaiters: new Set(),
      };
      stream.onPacket((packet) => {
        if (packet.type !== 'config') return;
        options.onVideoSize?.(packet.width, packet.height);
        for (const waiter of created.readyWaiters) waiter();
        created.readyWaiters.clear();
      });
      return created;
    };
    this.#slots = { grid: slot('grid'), focus: slot('focus') };
  }

  /** How many times a session of this profile was started (for diagnostics and crash-loop tests). */
  startCount(profile: StreamProfileName): number {
    return this.#slots[profile].starts;
  }

  isRunning(profile: StreamProfileName): boolean {
    return this.#slots[profile].running !== null;
  }

  /** The phone is connected (again): held profiles start. */
  attach(adb: Adb, jarPath: string | null): void {
    this.#adb = adb;
    this.#jarPath = jarPath;
    for (const profile of profileNames) {
      this.#slots[profile].backoff.reset();
      this.#reconcile(this.#slots[profile]);
    }
  }

  /** The phone is gone: its sessions die with the connection; holds stay and resume on the next attach. */
  detach(): void {
    this.#adb = null;
    for (const profile of profileNames) {
      const slot = this.#slots[profile];
      this.#clearTimers(slot);
      void slot.running?.stop();
      slot.stream.reset();
    }
  }

  hold(profile: StreamProfileName): StreamHold {
    const slot = this.#slots[profile];
    slot.holds += 1;
    this.#reconcileAll();
    let released = false;
    return {
      stream: slot.stream,
      release: () => {
        if (released) return;
        released = true;
        slot.holds -= 1;
        this.#reconcileAll();
      },
    };
  }

  stream(profile: StreamProfileName): DeviceVideoStream {
    return this.#slots[profile].stream;
  }

  /** Runs `use` with the grid session's control channel, starting that session if needed. */
  async withControl<T>(use: (channel: ControlChannel) => Promise<T>, timeoutMs = 15_000): Promise<T> {
    const grid = this.#slots.grid;
    this.#controlLeases += 1;
    this.#reconcile(grid);
    try {
      await this.#waitReady(grid, timeoutMs);
      const running = grid.running;
      if (!running) throw new BoxError(ErrorCode.DeviceOffline, 'the control session is not running');
      return await use({ controller: running.controller, width: grid.stream.width, height: grid.stream.height });
    } finally {
      this.#controlLeases -= 1;
      this.#reconcile(grid);
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all(
      profileNames.map(async (profile) => {
        const slot = this.#slots[profile];
        this.#clearTimers(slot);
        for (const waiter of slot.readyWaiters) waiter();
        await slot.running?.stop();
      }),
    );
  }

  #demanded(slot: Slot): boolean {
    if (slot.profile === 'focus') return slot.holds > 0;
    return slot.holds + this.#slots.focus.holds + this.#controlLeases > 0;
  }

  #reconcileAll(): void {
    for (const profile of profileNames) this.#reconcile(this.#slots[profile]);
  }

  #reconcile(slot: Slot): void {
    if (this.#stopped) return;
    if (this.#demanded(slot)) {
      if (slot.graceTimer) clearTimeout(slot.graceTimer);
      slot.graceTimer = null;
      if (!slot.running && !slot.starting && !slot.restartTimer && this.#adb) void this.#start(slot, this.#adb);
      return;
    }
    if (slot.restartTimer) {
      clearTimeout(slot.restartTimer);
      slot.restartTimer = null;
    }
    if ((slot.running || slot.starting) && !slot.graceTimer) {
      slot.graceTimer = setTimeout(() => {
        slot.graceTimer = null;
        if (!this.#demanded(slot)) void slot.running?.stop();
      }, this.#options.graceMs);
    }
  }

  async #start(slot: Slot, adb: Adb): Promise<void> {
    const jarPath = this.#jarPath;
    if (!jarPath) return;
    slot.starting = true;
    slot.starts += 1;
    const scid = this.#allocateScid();
    let handle: ScrcpySessionHandle;
    try {
      handle = await (this.#options.startSession ?? startScrcpySession)({
        adb,
        jarPath,
        profile: this.#options.profiles[slot.profile],
        scid,
        stream: slot.stream,
        clipboard: slot.profile === 'grid' ? this.#options.onClipboard : null,
        ...(this.#options.serverVersion ? { serverVersion: this.#options.serverVersion } : {}),
      });
    } catch (error) {
      slot.starting = false;
      this.#scids.delete(scid);
      if (this.#stopped) return;
      if (adb !== this.#adb) return this.#reconcile(slot);
      const reason = describeStartFailure(error);
      this.#options.log(`${this.#options.deviceId}: ${slot.profile} session did not start: ${reason}`);
      this.#options.onProblem(reason);
      this.#scheduleRestart(slot, error instanceof AdbScrcpyExitedError);
      return;
    }
    slot.starting = false;
    if (this.#stopped || adb !== this.#adb) {
      await handle.stop();
      this.#scids.delete(scid);
      return this.#reconcile(slot);
    }
    slot.running = handle;
    const startedAt = performance.now();
    this.#options.onProblem(null);
    this.#options.log(`${this.#options.deviceId}: ${slot.profile} session started (scid ${scid.toString(16)})`);
    void handle.ended.then((reason) => {
      slot.running = null;
      this.#scids.delete(scid);
      slot.stream.reset();
      if (this.#stopped) return;
      if (reason !== null) this.#options.log(`${this.#options.deviceId}: ${slot.profile} session ended: ${reason}`);
      if (performance.now() - startedAt > healthyRunMs) slot.backoff.reset();
      if (reason !== null && adb === this.#adb && this.#demanded(slot)) this.#scheduleRestart(slot, false);
      else this.#reconcile(slot);
    });
    this.#reconcile(slot);
  }

  #scheduleRestart(slot: Slot, slow: boolean): void {
    if (slot.restartTimer) return;
    const delay = (slow ? slot.slowBackoff : slot.backoff).next();
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = null;
      this.#reconcile(slot);
    }, delay);
  }

  #waitReady(slot: Slot, timeoutMs: number): Promise<void> {
    if (slot.running && slot.stream.width > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        slot.readyWaiters.delete(done);
        reject(new BoxError(ErrorCode.Timeout, `the ${slot.profile} session did not start within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      slot.readyWaiters.add(done);
    });
  }

  #clearTimers(slot: Slot): void {
    if (slot.graceTimer) clearTimeout(slot.graceTimer);
    if (slot.restartTimer) clearTimeout(slot.restartTimer);
    slot.graceTimer = null;
    slot.restartTimer = null;
  }

  #allocateScid(): number {
    let scid = randomInt(1, 0x7fff_ffff);
    while (this.#scids.has(scid)) scid = randomInt(1, 0x7fff_ffff);
    this.#scids.add(scid);
    return scid;
  }
}
