// Scheduled posting inside a running box: the engine over the device hub, live job changes and busy phones.
import type { DeviceHub, DeviceInfo } from '../devices/deviceHub.ts';
import { deviceControlPhonePort, gridFrameSize } from '../flows/deviceControlPhonePort.ts';
import { builtinFlowIds, loadBuiltinFlow } from '../flows/flowLoader.ts';
import type { Flow } from '../flows/flowSchema.ts';
import type { PhonePort } from '../flows/phonePort.ts';
import type { Clock } from './clock.ts';
import type { RetryPolicy } from './jobRecovery.ts';
import { JobFeed, type JobChange } from './jobFeed.ts';
import { PostingEngine } from './postingEngine.ts';

export const POSTING_DATABASE_FILE = 'phonewall.sqlite';

export interface BoxPostingOptions {
  /** The box's data folder: `phonewall.sqlite` and `media/` live there. */
  dataDir: string;
  hub: DeviceHub;
  clock: Clock;
  /** IANA time zone of the box's schedules; the system's by default. */
  zone?: string;
  tickMs?: number;
  /** How often logged job transitions are turned into events. */
  feedMs?: number;
  phoneCooldownMs?: number;
  leaseMs?: number;
  retry?: RetryPolicy;
  log: (line: string) => void;
}

export type BusyInfo = { jobId: string; since: number } | null;

export class BoxPosting {
  readonly engine: PostingEngine;
  readonly zone: string;
  readonly flows: ReadonlyMap<string, Flow>;
  private readonly feed: JobFeed;
  private readonly jobListeners = new Set<(change: JobChange) => void>();
  private readonly busyListeners = new Set<(deviceId: string) => void>();
  private busy = new Set<string>();
  private feedTimer: NodeJS.Timeout | null = null;
  private stopHub: (() => void) | null = null;

  private constructor(private readonly options: BoxPostingOptions) {
    this.zone = options.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.flows = new Map(builtinFlowIds.map((id) => [id, loadBuiltinFlow(id)] as const));
    this.engine = PostingEngine.open({
      dataDir: options.dataDir,
      databaseFile: POSTING_DATABASE_FILE,
      zone: this.zone,
      clock: options.clock,
      phoneFor: (id) => this.phoneFor(id),
      flows: this.flows,
      ...(options.tickMs !== undefined ? { tickMs: options.tickMs } : {}),
      ...(options.phoneCooldownMs !== undefined ? { phoneCooldownMs: options.phoneCooldownMs } : {}),
      ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      onError: (error) => options.log(`posting: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.feed = new JobFeed(this.engine.db, this.engine.jobs);
    const { retried, needsCheck, failed } = this.engine.recovery;
    if (retried.length + needsCheck.length + failed.length > 0) {
      options.log(`posting recovery: ${retried.length} retried, ${needsCheck.length} to check on the phone, ${failed.length} failed`);
    }
  }

  /** Opens the store (integrity check, migrations, crash recovery); nothing runs before `start()`. */
  static open(options: BoxPostingOptions): BoxPosting {
    return new BoxPosting(options);
  }

  start(): void {
    const now = this.options.clock.now();
    for (const device of this.options.hub.list()) this.remember(device, now);
    this.stopHub = this.options.hub.onDeviceChange((device, removed) => {
      if (!removed) this.remember(device, this.options.clock.now());
    });
    this.busy = this.feed.busyDevices();
    this.feedTimer = setInterval(() => this.pollFeed(), this.options.feedMs ?? 200);
    this.engine.start();
  }

  /** Stops planning and starting jobs, lets running flows finish, sends their last events, closes the store. */
  async stop(): Promise<void> {
    this.stopHub?.();
    this.stopHub = null;
    if (this.feedTimer) clearInterval(this.feedTimer);
    this.feedTimer = null;
    await this.engine.stop();
  }

  onJob(listener: (change: JobChange) => void): () => void {
    this.jobListeners.add(listener);
    return () => this.jobListeners.delete(listener);
  }

  /** Called with a device id whenever a flow starts or stops holding that phone. */
  onBusyChange(listener: (deviceId: string) => void): () => void {
    this.busyListeners.add(listener);
    return () => this.busyListeners.delete(listener);
  }

  busyOf(deviceId: string): BusyInfo {
    return this.feed.holderOf(deviceId);
  }

  /**
   * A fresh phone port per run while the device is online (a port keeps the files a run pushed until its media
   * scan, which must not leak into the next run); flows wait, within their grace window, for offline phones.
   */
  private phoneFor(deviceId: string): PhonePort | null {
    const { hub } = this.options;
    const device = hub.list().find((d) => d.id === deviceId);
    if (!device || device.state !== 'online') return null;
    return deviceControlPhonePort(() => hub.list().find((d) => d.id === deviceId) ?? null, hub.control(deviceId), gridFrameSize(hub, deviceId));
  }

  /** Schedules may name every phone this box has seen online, even while it is away. */
  private remember(device: DeviceInfo, now: number): void {
    if (device.state === 'online') this.engine.devices.upsert(device.id, device.model, now);
  }

  private pollFeed(): void {
    let changes: JobChange[];
    try {
      changes = this.feed.poll();
    } catch (error) {
      this.options.log(`posting events: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (changes.length === 0) return;
    for (const change of changes) for (const listener of this.jobListeners) listener(change);
    const now = this.feed.busyDevices();
    const changed = [...now].filter((id) => !this.busy.has(id)).concat([...this.busy].filter((id) => !now.has(id)));
    this.busy = now;
    for (const id of changed) for (const listener of this.busyListeners) listener(id);
  }
}
