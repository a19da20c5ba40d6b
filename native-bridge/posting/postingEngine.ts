// Composition of the posting core on the box's database: stores, runner and scheduler, ticking on a timer.
import type BetterSqlite3 from 'better-sqlite3';
import type { Flow } from '../flows/flowSchema.ts';
import type { PhonePort } from '../flows/phonePort.ts';
import { DeviceStore } from '../store/deviceStore.ts';
import { MediaStore } from '../store/mediaStore.ts';
import type { Clock } from '../base/clock.ts';
import type { Failpoint } from './failpoints.ts';
import { jobContextLoader, proofSaver } from './jobContext.ts';
import { defaultRetryPolicy, type RecoveryReport, type RetryPolicy } from './jobRecovery.ts';
import { JobRunner } from './jobRunner.ts';
import { JobStore } from './jobStore.ts';
import { PostStore } from './postStore.ts';
import { Scheduler } from './scheduler.ts';
import { quietHoursDeferral } from './quietHoursDeferral.ts';
import { ScheduleStore } from './scheduleStore.ts';

export interface PostingEngineOptions {
  /** The box's open database (opened, checked and migrated by the box). */
  db: BetterSqlite3.Database;
  /** The box's data folder: pictures live in its `media/`. */
  dataDir: string;
  /** The box's IANA time zone (e.g. `Asia/Shanghai`). */
  zone: string;
  clock: Clock;
  phoneFor(deviceId: string): PhonePort | null;
  flows: ReadonlyMap<string, Flow>;
  owner?: string;
  tickMs?: number;
  /** How far ahead schedules are expanded into jobs. */
  horizonMs?: number;
  maxConcurrent?: number;
  leaseMs?: number;
  retry?: RetryPolicy;
  /** Rest between two flows on the same phone (default 60 s). */
  phoneCooldownMs?: number;
  failpoint?: Failpoint;
  /** Errors a tick or a run hit (the engine keeps going); defaults to the console. */
  onError?: (error: unknown) => void;
}

export class PostingEngine {
  readonly db: BetterSqlite3.Database;
  readonly jobs: JobStore;
  readonly media: MediaStore;
  readonly posts: PostStore;
  readonly devices: DeviceStore;
  readonly schedules: ScheduleStore;
  readonly scheduler: Scheduler;
  /** What start-up recovery did with jobs a previous process left running. */
  readonly recovery: RecoveryReport;
  private timer: NodeJS.Timeout | null = null;
  private lastExpandAt = Number.NEGATIVE_INFINITY;

  private constructor(private readonly options: PostingEngineOptions) {
    this.db = options.db;
    this.jobs = new JobStore(this.db);
    this.media = new MediaStore(this.db, options.dataDir);
    this.posts = new PostStore(this.db);
    this.devices = new DeviceStore(this.db);
    this.schedules = new ScheduleStore({ db: this.db, jobs: this.jobs, devices: this.devices, knownFlows: new Set(options.flows.keys()) });
    const owner = options.owner ?? `box-${process.pid}`;
    const leaseMs = options.leaseMs ?? 5 * 60_000;
    const retry = options.retry ?? defaultRetryPolicy;
    const runner = new JobRunner({
      jobs: this.jobs,
      clock: options.clock,
      phoneFor: options.phoneFor,
      flowFor: (id) => options.flows.get(id) ?? null,
      contextFor: jobContextLoader(this.posts, this.media),
      saveProof: proofSaver(this.jobs, this.media),
      owner,
      leaseMs,
      retry,
      ...(options.failpoint ? { failpoint: options.failpoint } : {}),
    });
    this.scheduler = new Scheduler(this.jobs, runner, options.clock, {
      owner, leaseMs, maxConcurrent: options.maxConcurrent ?? 8, retry, phoneCooldownMs: options.phoneCooldownMs ?? 60_000,
      deferral: quietHoursDeferral((id) => this.schedules.get(id)),
      phoneAvailable: (id) => options.phoneFor(id) !== null,
    });
    this.recovery = this.scheduler.recoverAtStart();
  }

  /** Builds the stores on the database and recovers jobs left running by a previous process. */
  static open(options: PostingEngineOptions): PostingEngine {
    return new PostingEngine(options);
  }

  /** One round: expand schedules when due, then a scheduler tick. Errors are reported, never thrown to the timer. */
  step(): void {
    const report = this.options.onError ?? ((error: unknown) => console.error('posting engine:', error));
    try {
      const now = this.options.clock.now();
      const horizonMs = this.options.horizonMs ?? 2 * 86_400_000;
      if (now - this.lastExpandAt >= horizonMs / 4) {
        this.schedules.expandAll(now, horizonMs, (id, error) => report(new Error(`schedule ${id} cannot be expanded: ${(error as Error).message}`)));
        this.lastExpandAt = now;
      }
      this.scheduler.tick();
    } catch (error) {
      report(error);
    }
    for (const error of this.scheduler.takeErrors()) report(error);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.step(), this.options.tickMs ?? 1000);
    this.step();
  }

  /** Stops ticking and lets running flows finish (the box closes the database after). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.scheduler.idle();
  }
}
