// The scheduler tick: recovers stale work, marks misfires, and starts due jobs one per phone across phones.
import type { Clock } from '../base/clock.ts';
import { EventSource } from '../base/events.ts';
import { expireLeases, markMissed, recoverAfterRestart, type RecoveryReport, type RetryPolicy } from './jobRecovery.ts';
import type { JobRunner, RunOutcome } from './jobRunner.ts';
import type { Job, JobStore } from './jobStore.ts';

export interface SchedulerOptions {
  /** Identifies this box's runner in leases and the job log. */
  owner: string;
  leaseMs: number;
  /** Flows running at once across phones (each phone runs at most one). */
  maxConcurrent: number;
  retry: RetryPolicy;
  /** Rest between two flows on the same phone, as a person would pause (0: none). */
  phoneCooldownMs?: number;
  /** False while a phone is not connected: its jobs wait (until their grace window ends) without using attempts. */
  phoneAvailable?: (deviceId: string) => boolean;
  /** A reason to hold a due job until later (its schedule's quiet hours reached at run time), or null. */
  deferral?: (job: Job, now: number) => { until: number; reason: string } | null;
}

export interface TickReport {
  started: string[];
  missed: string[];
  expired: RecoveryReport;
}

/** The job running a flow on a phone, and since when: consoles watch, their input is refused with `busy`. */
export interface PhoneHold {
  jobId: string;
  since: number;
}

export class Scheduler {
  private readonly running = new Map<string, Promise<RunOutcome>>();
  /** The phones flows hold right now: kept in memory so the input path never asks the database. */
  private readonly holds = new Map<string, PhoneHold>();
  private readonly holdChanges = new EventSource<[deviceId: string]>();
  private readonly errors: unknown[] = [];
  private readonly finishedAt = new Map<string, number>();

  constructor(
    private readonly jobs: JobStore,
    private readonly runner: JobRunner,
    private readonly clock: Clock,
    private readonly options: SchedulerOptions,
  ) {}

  /** Call once at start, before the first tick: no runner of this box survived the restart. */
  recoverAtStart(): RecoveryReport {
    return recoverAfterRestart(this.jobs, this.clock.now(), this.options.retry);
  }

  get busyDevices(): ReadonlySet<string> {
    return new Set(this.running.keys());
  }

  /** The job holding a phone, or null while none runs a flow there. */
  holdOf(deviceId: string): PhoneHold | null {
    return this.holds.get(deviceId) ?? null;
  }

  /** Called with a device id whenever a flow starts or stops holding that phone. */
  onHoldChange(listener: (deviceId: string) => void): () => void {
    return this.holdChanges.on(listener);
  }

  /** Unexpected errors from runs (a failpoint crash among them); a run's failure never stops other runs. */
  takeErrors(): unknown[] {
    return this.errors.splice(0);
  }

  tick(): TickReport {
    const now = this.clock.now();
    const expired = expireLeases(this.jobs, now, this.options.retry);
    const missed = markMissed(this.jobs, now);
    const started: string[] = [];
    const free = this.options.maxConcurrent - this.running.size;
    if (free <= 0) return { started, missed, expired };
    // A phone with an unchecked publish runs nothing new until the check settles it: a newer post would push
    // the unchecked one down the feed, out of the verifier's sight.
    const unsettled = this.jobs.devicesNeedingCheck();
    const candidates = [...this.jobs.due('needs_check', now, free * 4 + 16), ...this.jobs.due('scheduled', now, free * 16 + 256)];
    const taken = new Set(this.running.keys());
    for (const job of candidates) {
      if (started.length >= free) break;
      if (taken.has(job.deviceId)) continue;
      if (this.options.phoneAvailable && !this.options.phoneAvailable(job.deviceId)) continue;
      if (job.state === 'scheduled' && unsettled.has(job.deviceId)) continue;
      const deferral = job.state === 'scheduled' ? this.options.deferral?.(job, now) : null;
      if (deferral && this.jobs.defer(job.id, deferral.until, deferral.reason, now)) continue;
      if (job.state === 'scheduled' && now < (this.finishedAt.get(job.deviceId) ?? Number.NEGATIVE_INFINITY) + (this.options.phoneCooldownMs ?? 0)) continue;
      taken.add(job.deviceId);
      const claim = this.jobs.claim(job.id, job.state === 'needs_check' ? 'needs_check' : 'scheduled', this.options.owner, now, this.options.leaseMs);
      if (!claim.ok) continue;
      started.push(job.id);
      this.start(claim.job);
    }
    return { started, missed, expired };
  }

  /** Resolves when every run started so far has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }

  private start(job: Job): void {
    this.holds.set(job.deviceId, { jobId: job.id, since: this.clock.now() });
    this.holdChanges.emit(job.deviceId);
    const run = job.state === 'verifying' ? this.runner.verify(job) : this.runner.run(job);
    const tracked = run
      .catch((error: unknown) => {
        this.errors.push(error);
        return 'fenced' as const;
      })
      .finally(() => {
        this.running.delete(job.deviceId);
        this.holds.delete(job.deviceId);
        this.finishedAt.set(job.deviceId, this.clock.now());
        this.holdChanges.emit(job.deviceId);
      });
    this.running.set(job.deviceId, tracked);
  }
}
