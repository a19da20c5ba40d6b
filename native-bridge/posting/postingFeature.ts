// Scheduled posting inside a running box: the engine on the box's database and device hub, its requests and media
// routes, job events as the store commits them, and which phones a flow holds (so their input is refused).
import { say } from '../base/boxText.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type BetterSqlite3 from 'better-sqlite3';
import { DateTime } from 'luxon';
import { BoxError } from '../base/boxError.ts';
import type { BoxFeature, Handlers, HttpContext } from '../base/boxFeature.ts';
import type { Clock } from '../base/clock.ts';
import type { DeviceHub, DeviceInfo } from '../base/deviceHub.ts';
import { EventSource } from '../base/events.ts';
import { deviceControlPhonePort, gridFrameSize } from '../flows/deviceControlPhonePort.ts';
import { builtinFlowIds, loadBuiltinFlow } from '../flows/flowLoader.ts';
import type { Flow } from '../flows/flowSchema.ts';
import type { PhonePort } from '../flows/phonePort.ts';
import type { BoxEvent, DeviceBusy } from '../protocol/boxMessages.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { PostingResultMap } from '../protocol/postingMessages.ts';
import { schedulesUsingGroups } from './groupsInUse.ts';
import type { RetryPolicy } from './jobRecovery.ts';
import { MediaHttp } from './mediaHttp.ts';
import { PostingEngine } from './postingEngine.ts';
import { postingHandlers, wireJob, wireTransition } from './postingRequests.ts';

export interface PostingOptions {
  /** The box's open database. */
  db: BetterSqlite3.Database;
  /** The box's data folder: pictures live in its `media/`. */
  dataDir: string;
  hub: DeviceHub;
  clock: Clock;
  /** IANA time zone of the box's schedules; the system's by default. */
  zone?: string;
  tickMs?: number;
  phoneCooldownMs?: number;
  leaseMs?: number;
  retry?: RetryPolicy;
  log: (line: string) => void;
}

export class PostingFeature implements BoxFeature {
  readonly name = 'posting';
  readonly engine: PostingEngine;
  readonly zone: string;
  readonly flows: ReadonlyMap<string, Flow>;
  readonly handlers: Handlers<keyof PostingResultMap>;
  readonly #options: PostingOptions;
  readonly #events: EventSource<[BoxEvent]>;
  readonly #media: MediaHttp;
  readonly #unsubscribes: (() => void)[] = [];

  constructor(options: PostingOptions) {
    this.#options = options;
    this.zone = options.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.flows = new Map(builtinFlowIds.map((id) => [id, loadBuiltinFlow(id)] as const));
    this.#events = new EventSource((error) => options.log(`posting event listener failed: ${String(error)}`));
    this.engine = PostingEngine.open({
      db: options.db,
      dataDir: options.dataDir,
      zone: this.zone,
      clock: options.clock,
      phoneFor: (id) => this.#phoneFor(id),
      flows: this.flows,
      ...(options.tickMs !== undefined ? { tickMs: options.tickMs } : {}),
      ...(options.phoneCooldownMs !== undefined ? { phoneCooldownMs: options.phoneCooldownMs } : {}),
      ...(options.leaseMs !== undefined ? { leaseMs: options.leaseMs } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      onError: (error) => options.log(`posting: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.#media = new MediaHttp({ media: this.engine.media, now: () => options.clock.now() });
    this.handlers = postingHandlers({ engine: this.engine, zone: this.zone, flows: this.flows, now: () => options.clock.now() });
    const { retried, needsCheck, failed } = this.engine.recovery;
    if (retried.length + needsCheck.length + failed.length > 0) {
      options.log(`posting recovery: ${retried.length} retried, ${needsCheck.length} to check on the phone, ${failed.length} failed`);
    }
  }

  start(): void {
    const { hub, clock } = this.#options;
    for (const device of hub.list()) this.#remember(device, clock.now());
    this.#unsubscribes.push(
      hub.onDeviceChange((device, removed) => {
        if (!removed) this.#remember(device, clock.now());
      }),
      this.engine.jobs.onChange((change) => this.#events.emit({ type: 'job', job: wireJob(change.job), transition: wireTransition(change.entry) })),
    );
    this.engine.start();
  }

  /** Stops planning and starting jobs and lets running flows finish (their last events still go out). */
  async stop(): Promise<void> {
    await this.engine.stop();
    for (const off of this.#unsubscribes.splice(0)) off();
  }

  onEvent(listener: (event: BoxEvent) => void): () => void {
    return this.#events.on(listener);
  }

  http(request: IncomingMessage, response: ServerResponse, path: string, context: HttpContext): Promise<boolean> {
    return this.#media.handle(request, response, path, context);
  }

  /** The job running a flow on a phone, from the scheduler's memory. */
  busyOf(deviceId: string): DeviceBusy | null {
    return this.engine.scheduler.holdOf(deviceId);
  }

  /** Consoles may watch a phone that runs a posting flow, but their touches would break the flow. */
  checkInput(deviceId: string): void {
    const busy = this.busyOf(deviceId);
    if (busy) {
      throw new BoxError(ErrorCode.Busy, say('posting.phoneBusy', { deviceId, jobId: busy.jobId }), { jobId: busy.jobId });
    }
  }

  describeDevice(deviceId: string): { busy: DeviceBusy | null } {
    return { busy: this.busyOf(deviceId) };
  }

  onDeviceDescriptionChange(listener: (deviceId: string) => void): () => void {
    return this.engine.scheduler.onHoldChange(listener);
  }

  /** Saved groups a live schedule targets (today in the box's zone), so the chat desk keeps them. */
  groupsInUse(groupIds: readonly string[]): { groupId: string; scheduleId: string }[] {
    const today = DateTime.fromMillis(this.#options.clock.now(), { zone: this.zone }).toISODate() ?? '';
    return schedulesUsingGroups(this.engine.db, groupIds, today);
  }

  /**
   * A fresh phone port per run while the device is online (a port keeps the files a run pushed until its media
   * scan, which must not leak into the next run); flows wait, within their grace window, for offline phones.
   */
  #phoneFor(deviceId: string): PhonePort | null {
    const { hub } = this.#options;
    const device = hub.list().find((d) => d.id === deviceId);
    if (!device || device.state !== 'online') return null;
    return deviceControlPhonePort(() => hub.list().find((d) => d.id === deviceId) ?? null, hub.control(deviceId), gridFrameSize(hub, deviceId));
  }

  /** Schedules may name every phone this box has seen online, even while it is away. */
  #remember(device: DeviceInfo, now: number): void {
    if (device.state === 'online') this.engine.devices.upsert(device.id, device.model, now);
  }
}
