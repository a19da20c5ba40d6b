// The one registry every device source feeds: stable ids, states with reasons, and each device's sessions + control.
import { say } from '../base/boxText.ts';
import type { Adb } from '@yume-chan/adb';
import type { DeviceControl, DeviceInfo, DeviceSource, DeviceState, StreamHold, StreamProfileName } from '../base/deviceHub.ts';
import { BoxError, messageOf } from '../base/boxError.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { deviceIdFromSerial, probeDevice } from './deviceProbe.ts';
import { withDeadline } from '../base/deadline.ts';
import { EventSource } from '../base/events.ts';
import { SequencerByKey } from '../base/sequencer.ts';
import { SessionManager } from '../sessions/sessionManager.ts';
import type { StreamProfile } from '../sessions/streamProfile.ts';
import { checkServerJar } from '../sessions/scrcpyServerJar.ts';
import { DeviceController } from '../control/deviceController.ts';

/** How one source reaches one phone (an adb-server serial, a TCP endpoint, a simulated phone). */
export interface DeviceLink {
  /** Unique per source and phone address, e.g. `tcp:127.0.0.1:40001`. */
  key: string;
  source: DeviceSource;
  simulated: boolean;
  /** What the source calls the phone before it is probed (adb serial, host:port). */
  serial: string;
  jarPath: string | null;
}

export interface DeviceRegistryOptions {
  profiles: Record<StreamProfileName, StreamProfile>;
  graceMs: number;
  serverVersion?: string;
  /** How often a device whose jar is missing looks for it again (slow: it needs a person to act). */
  jarRecheckMs: number;
  log: (line: string) => void;
}

interface Entry {
  info: DeviceInfo;
  link: DeviceLink;
  adb: Adb | null;
  sessions: SessionManager;
  control: DeviceController;
  clipboard: EventSource<[text: string]>;
  jarProblem: string | null;
  sessionProblem: string | null;
  jarTimer: NodeJS.Timeout | null;
}

export class DeviceRegistry {
  readonly #options: DeviceRegistryOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #linkIds = new Map<string, string>();
  readonly #changes: EventSource<[device: DeviceInfo, removed: boolean]>;
  /** One command lane per phone: every input and text of a phone, from every client and flow, in arrival order. */
  readonly #lanes = new SequencerByKey<string>();
  #stopped = false;

  constructor(options: DeviceRegistryOptions) {
    this.#options = options;
    this.#changes = new EventSource((error) => options.log(`device change listener failed: ${messageOf(error)}`));
  }

  list(): DeviceInfo[] {
    return [...this.#entries.values()].map((entry) => ({ ...entry.info }));
  }

  onDeviceChange(listener: (device: DeviceInfo, removed: boolean) => void): () => void {
    return this.#changes.on(listener);
  }

  holdStream(deviceId: string, profile: StreamProfileName): StreamHold {
    const entry = this.#require(deviceId);
    if (entry.info.state !== 'online') {
      throw new BoxError(ErrorCode.DeviceOffline, `device ${deviceId} is ${entry.info.state}${entry.info.reason ? `: ${entry.info.reason}` : ''}`);
    }
    return entry.sessions.hold(profile);
  }

  control(deviceId: string): DeviceControl {
    return this.#require(deviceId).control;
  }

  /** Diagnostics: how often sessions of a device were started. */
  sessionStarts(deviceId: string, profile: StreamProfileName): number {
    return this.#require(deviceId).sessions.startCount(profile);
  }

  /** A source connected to a phone: probe it, give it its stable id and make it usable. Throws if the probe fails. */
  async linkConnected(link: DeviceLink, adb: Adb): Promise<string> {
    const probe = await withDeadline(probeDevice(adb), 15_000, 'the phone did not answer getprop / wm size within 15 s');
    if (this.#stopped) throw new Error('the device hub is stopping');
    let id = deviceIdFromSerial(probe.serial);
    const clash = this.#entries.get(id);
    if (clash && clash.link.key !== link.key && clash.adb) id = deviceIdFromSerial(`${probe.serial}@${link.source}`);
    const previousId = this.#linkIds.get(link.key);
    if (previousId && previousId !== id) this.#remove(previousId);
    this.#linkIds.set(link.key, id);
    const entry = this.#entries.get(id) ?? this.#create(id, link);
    entry.link = link;
    entry.adb = adb;
    entry.sessionProblem = null;
    entry.info = { ...entry.info, serial: probe.serial, model: probe.model, width: probe.width, height: probe.height };
    await this.#checkJar(entry);
    this.#options.log(`${id}: online (${probe.model}, ${probe.width}x${probe.height}, ${link.source})`);
    return id;
  }

  /** A source lost (or never reached) a phone; the device keeps its id and its holds. */
  linkDown(link: DeviceLink, state: Exclude<DeviceState, 'online' | 'error'>, reason: string): void {
    if (this.#stopped) return;
    let id = this.#linkIds.get(link.key);
    if (!id) {
      id = deviceIdFromSerial(link.serial);
      this.#linkIds.set(link.key, id);
    }
    const entry = this.#entries.get(id) ?? this.#create(id, link);
    if (entry.link.key !== link.key) return; // the id now belongs to another, live link
    if (entry.adb) this.#options.log(`${id}: ${state}: ${reason}`);
    entry.adb = null;
    entry.sessions.detach();
    if (entry.jarTimer) clearInterval(entry.jarTimer);
    entry.jarTimer = null;
    this.#update(entry, state, reason);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await Promise.all(
      [...this.#entries.values()].map(async (entry) => {
        if (entry.jarTimer) clearInterval(entry.jarTimer);
        await entry.sessions.stop();
      }),
    );
  }

  #require(deviceId: string): Entry {
    const entry = this.#entries.get(deviceId);
    if (!entry) throw new BoxError(ErrorCode.NotFound, say('core.deviceUnknown', { deviceId }));
    return entry;
  }

  #create(id: string, link: DeviceLink): Entry {
    const clipboard = new EventSource<[text: string]>((error) => this.#options.log(`clipboard listener failed: ${messageOf(error)}`));
    const sessions = new SessionManager({
      deviceId: id,
      profiles: this.#options.profiles,
      graceMs: this.#options.graceMs,
      ...(this.#options.serverVersion ? { serverVersion: this.#options.serverVersion } : {}),
      log: this.#options.log,
      onProblem: (reason) => {
        const entry = this.#entries.get(id);
        if (!entry || entry.sessionProblem === reason) return;
        entry.sessionProblem = reason;
        this.#refresh(entry);
      },
      onClipboard: (text) => clipboard.emit(text),
      onVideoSize: (width, height) => {
        const entry = this.#entries.get(id);
        if (entry) this.#followOrientation(entry, width, height);
      },
    });
    const entry: Entry = {
      info: { id, serial: link.serial, model: '', width: 0, height: 0, source: link.source, simulated: link.simulated, state: 'connecting', reason: null },
      link,
      adb: null,
      sessions,
      control: new DeviceController({
        deviceId: id,
        sessions,
        adb: () => (entry.info.state === 'online' ? entry.adb : null),
        onClipboard: (listener) => clipboard.on(listener),
        lane: (task) => this.#lanes.queue(id, task),
      }),
      clipboard,
      jarProblem: null,
      sessionProblem: null,
      jarTimer: null,
    };
    this.#entries.set(id, entry);
    return entry;
  }

  async #checkJar(entry: Entry): Promise<void> {
    entry.jarProblem = await checkServerJar(entry.link.jarPath);
    if (!entry.adb) return;
    if (entry.jarProblem) {
      entry.sessions.detach();
      entry.jarTimer ??= setInterval(() => void this.#checkJar(entry), this.#options.jarRecheckMs);
    } else {
      if (entry.jarTimer) clearInterval(entry.jarTimer);
      entry.jarTimer = null;
      entry.sessions.attach(entry.adb, entry.link.jarPath);
    }
    this.#refresh(entry);
  }

  /** The video's orientation is the screen's: a rotated phone reports its size swapped (the UI lays tiles out by it). */
  #followOrientation(entry: Entry, videoWidth: number, videoHeight: number): void {
    const { width, height } = entry.info;
    if (!entry.adb || width === 0 || height === 0 || videoWidth === videoHeight) return;
    if (videoWidth > videoHeight === width > height) return;
    entry.info = { ...entry.info, width: height, height: width };
    this.#emit(entry.info, false);
  }

  #refresh(entry: Entry): void {
    if (!entry.adb) return;
    const problem = entry.jarProblem ?? entry.sessionProblem;
    this.#update(entry, problem ? 'error' : 'online', problem);
  }

  #update(entry: Entry, state: DeviceState, reason: string | null): void {
    const next: DeviceInfo = { ...entry.info, source: entry.link.source, simulated: entry.link.simulated, state, reason };
    const changed = JSON.stringify(next) !== JSON.stringify(entry.info);
    entry.info = next;
    if (changed) this.#emit(next, false);
  }

  #remove(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    if (entry.jarTimer) clearInterval(entry.jarTimer);
    void entry.sessions.stop();
    this.#emit({ ...entry.info }, true);
  }

  #emit(info: DeviceInfo, removed: boolean): void {
    this.#changes.emit({ ...info }, removed);
  }
}
