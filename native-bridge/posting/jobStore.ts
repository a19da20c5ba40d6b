// Durable jobs: planned inserts, fenced claims and transitions, each logged in the same transaction.
import type BetterSqlite3 from 'better-sqlite3';
import { EventSource } from '../base/events.ts';
import { Transactions } from '../store/transactions.ts';
import { activeJobStates, canTransition, type JobState } from './jobStates.ts';

export interface Job {
  id: string;
  scheduleId: string;
  occurrence: string;
  deviceId: string;
  postId: string;
  flowId: string;
  state: JobState;
  /** When the schedule said, before stagger/quiet hours/caps. */
  nominalAt: number;
  /** After pacing; `planNote` says why it differs from `nominalAt`. */
  plannedAt: number;
  /** When it may next run (planned, or later after a retry backoff); misfire is measured from here. */
  dueAt: number;
  graceMs: number;
  planNote: string | null;
  attempt: number;
  maxAttempts: number;
  fence: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  step: string | null;
  reason: string | null;
  updatedAt: number;
}

export type NewJob = Pick<Job, 'id' | 'scheduleId' | 'occurrence' | 'deviceId' | 'postId' | 'flowId' | 'nominalAt' | 'plannedAt' | 'graceMs' | 'planNote' | 'maxAttempts'>;

export interface JobLogEntry {
  at: number;
  from: JobState | null;
  to: JobState;
  attempt: number;
  fence: number;
  detail: string | null;
}

interface JobRow {
  id: string; schedule_id: string; occurrence: string; device_id: string; post_id: string; flow_id: string;
  state: string; nominal_at: number; planned_at: number; due_at: number; grace_ms: number; plan_note: string | null;
  attempt: number; max_attempts: number; fence: number; lease_owner: string | null; lease_expires_at: number | null;
  step: string | null; reason: string | null; updated_at: number;
}

export function jobFromRow(row: JobRow): Job {
  return {
    id: row.id, scheduleId: row.schedule_id, occurrence: row.occurrence, deviceId: row.device_id, postId: row.post_id,
    flowId: row.flow_id, state: row.state as JobState, nominalAt: row.nominal_at, plannedAt: row.planned_at,
    dueAt: row.due_at, graceMs: row.grace_ms, planNote: row.plan_note, attempt: row.attempt, maxAttempts: row.max_attempts,
    fence: row.fence, leaseOwner: row.lease_owner, leaseExpiresAt: row.lease_expires_at, step: row.step,
    reason: row.reason, updatedAt: row.updated_at,
  };
}

interface LogRow { at: number; from_state: string | null; to_state: string; attempt: number; fence: number; detail: string | null }

export function jobLogFromRow(row: LogRow): JobLogEntry {
  return { at: row.at, from: row.from_state as JobState | null, to: row.to_state as JobState, attempt: row.attempt, fence: row.fence, detail: row.detail };
}

export type JobErrorCode = 'not_found' | 'stale_fence' | 'wrong_state' | 'forbidden_transition' | 'phone_busy';
export type JobResult = { ok: true; job: Job } | { ok: false; error: { code: JobErrorCode; message: string } };

export interface TransitionRequest {
  from: JobState;
  to: JobState;
  now: number;
  /** The runner's fencing number; null for operator and recovery actions, which bump the fence instead. */
  fence: number | null;
  step?: string | null;
  reason?: string | null;
  detail?: string | null;
  /** New lease expiry (runner transitions renew their lease). */
  leaseExpiresAt?: number | null;
  dueAt?: number;
  attemptDelta?: number;
}

/** What the job board and a phone's calendar ask for; planned times in [plannedFrom, plannedTo). */
export interface JobFilter {
  state?: JobState;
  deviceId?: string;
  scheduleId?: string;
  plannedFrom?: number;
  plannedTo?: number;
  limit?: number;
  offset?: number;
}

export interface JobReader {
  get(id: string): Job | null;
  list(filter?: JobFilter): Job[];
  log(id: string): JobLogEntry[];
  proofs(id: string): { at: number; label: string; sha256: string }[];
}

/** One logged transition and the job right after it. */
export interface JobChange {
  job: Job;
  entry: JobLogEntry;
}

export class JobStore implements JobReader {
  private readonly tx: Transactions;
  private readonly changes = new EventSource<[JobChange]>();

  constructor(private readonly db: BetterSqlite3.Database) {
    this.tx = Transactions.of(db);
  }

  /** Every transition written to `job_log` (the durable record), told once its transaction commits. */
  onChange(listener: (change: JobChange) => void): () => void {
    return this.changes.on(listener);
  }

  /** Idempotent: a job with the same schedule + occurrence + device is never inserted twice. */
  insertPlanned(jobs: readonly NewJob[], now: number): number {
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO jobs (id, schedule_id, occurrence, device_id, post_id, flow_id, state, nominal_at, planned_at, due_at, grace_ms, plan_note, max_attempts, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'scheduled', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const log = this.db.prepare("INSERT INTO job_log (job_id, at, from_state, to_state, attempt, fence, detail) VALUES (?, ?, NULL, 'scheduled', 1, 0, ?)");
    let inserted = 0;
    this.tx.run(() => {
      for (const job of jobs) {
        const result = insert.run(job.id, job.scheduleId, job.occurrence, job.deviceId, job.postId, job.flowId, job.nominalAt, job.plannedAt, job.plannedAt, job.graceMs, job.planNote, job.maxAttempts, now);
        if (result.changes > 0) {
          inserted++;
          log.run(job.id, now, job.planNote);
          this.told(this.get(job.id) as Job, { at: now, from: null, to: 'scheduled', attempt: 1, fence: 0, detail: job.planNote });
        }
      }
    });
    return inserted;
  }

  get(id: string): Job | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? jobFromRow(row) : null;
  }

  list(filter: JobFilter = {}): Job[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM jobs WHERE (@state IS NULL OR state = @state) AND (@deviceId IS NULL OR device_id = @deviceId)
         AND (@scheduleId IS NULL OR schedule_id = @scheduleId) AND (@from IS NULL OR planned_at >= @from)
         AND (@to IS NULL OR planned_at < @to) ORDER BY planned_at, id LIMIT @limit OFFSET @offset`,
      )
      .all({
        state: filter.state ?? null, deviceId: filter.deviceId ?? null, scheduleId: filter.scheduleId ?? null,
        from: filter.plannedFrom ?? null, to: filter.plannedTo ?? null,
        limit: Math.max(0, Math.trunc(filter.limit ?? -1)) || -1, offset: Math.max(0, Math.trunc(filter.offset ?? 0)),
      }) as JobRow[];
    return rows.map(jobFromRow);
  }

  /** How many jobs match the filter (its paging ignored): the job board's page count. */
  count(filter: JobFilter = {}): number {
    return this.db
      .prepare(
        `SELECT COUNT(*) FROM jobs WHERE (@state IS NULL OR state = @state) AND (@deviceId IS NULL OR device_id = @deviceId)
         AND (@scheduleId IS NULL OR schedule_id = @scheduleId) AND (@from IS NULL OR planned_at >= @from) AND (@to IS NULL OR planned_at < @to)`,
      )
      .pluck()
      .get({
        state: filter.state ?? null, deviceId: filter.deviceId ?? null, scheduleId: filter.scheduleId ?? null,
        from: filter.plannedFrom ?? null, to: filter.plannedTo ?? null,
      }) as number;
  }

  log(id: string): JobLogEntry[] {
    const rows = this.db.prepare('SELECT at, from_state, to_state, attempt, fence, detail FROM job_log WHERE job_id = ? ORDER BY id').all(id) as LogRow[];
    return rows.map(jobLogFromRow);
  }

  /** Jobs in `state` whose due time has come, oldest first. */
  due(state: 'scheduled' | 'needs_check', now: number, limit: number): Job[] {
    const rows = this.db.prepare('SELECT * FROM jobs WHERE state = ? AND due_at <= ? ORDER BY due_at, planned_at, id LIMIT ?').all(state, now, limit) as JobRow[];
    return rows.map(jobFromRow);
  }

  /** Scheduled jobs past their due time plus grace window. */
  overdue(now: number): Job[] {
    // `due_at < now` first lets the (state, due_at) index narrow the scan before the per-job grace is applied.
    return (this.db.prepare("SELECT * FROM jobs WHERE state = 'scheduled' AND due_at < @now AND due_at + grace_ms < @now ORDER BY due_at, id").all({ now }) as JobRow[]).map(jobFromRow);
  }

  /** Phones with a job whose outcome is unknown: nothing new may run there before it is checked. */
  devicesNeedingCheck(): Set<string> {
    return new Set(this.db.prepare("SELECT DISTINCT device_id FROM jobs WHERE state = 'needs_check'").pluck().all() as string[]);
  }

  /** Jobs currently holding a phone. */
  active(): Job[] {
    const placeholders = activeJobStates.map(() => '?').join(', ');
    return (this.db.prepare(`SELECT * FROM jobs WHERE state IN (${placeholders})`).all(...activeJobStates) as JobRow[]).map(jobFromRow);
  }

  /** Jobs planned on a phone within [startMs, endMs), excluding those that will never run. */
  countPlanned(deviceId: string, startMs: number, endMs: number): number {
    return this.db
      .prepare("SELECT COUNT(*) FROM jobs WHERE device_id = ? AND planned_at >= ? AND planned_at < ? AND state NOT IN ('cancelled', 'missed')")
      .pluck()
      .get(deviceId, startMs, endMs) as number;
  }

  /**
   * Takes the phone for a job: a new fencing number (global, monotonically increasing) and a lease. Fails with
   * `phone_busy` when another job holds that phone (the unique partial index decides, atomically).
   */
  claim(id: string, from: 'scheduled' | 'needs_check', owner: string, now: number, leaseMs: number): JobResult {
    const to: JobState = from === 'scheduled' ? 'claimed' : 'verifying';
    try {
      return this.tx.run((): JobResult => {
        const fence = this.db.prepare('UPDATE fence_counter SET value = value + 1 WHERE id = 1 RETURNING value').pluck().get() as number;
        const changed = this.db
          .prepare('UPDATE jobs SET state = ?, fence = ?, lease_owner = ?, lease_expires_at = ?, updated_at = ? WHERE id = ? AND state = ?')
          .run(to, fence, owner, now + leaseMs, now, id, from);
        if (changed.changes === 0) return this.explain(id, from, null);
        const job = this.get(id) as Job;
        this.writeLog(job, now, from, to, fence, `claimed by ${owner}`);
        return { ok: true, job };
      });
    } catch (error) {
      if (/UNIQUE/.test((error as Error).message)) return { ok: false, error: { code: 'phone_busy', message: `Another job holds the phone of job ${id}.` } };
      throw error;
    }
  }

  /** Moves a waiting job's due time later (quiet hours reached at run time); logged, state unchanged. */
  defer(id: string, dueAt: number, reason: string, now: number): boolean {
    return this.tx.run(() => {
      const changed = this.db
        .prepare("UPDATE jobs SET due_at = ?, planned_at = MAX(planned_at, ?), plan_note = ?, updated_at = ? WHERE id = ? AND state = 'scheduled' AND due_at < ?")
        .run(dueAt, dueAt, reason, now, id, dueAt);
      if (changed.changes === 0) return false;
      const job = this.get(id) as Job;
      this.writeLog(job, now, 'scheduled', 'scheduled', job.fence, reason);
      return true;
    });
  }

  /** Extends a runner's lease; false when the runner has been fenced off. */
  renewLease(id: string, fence: number, leaseExpiresAt: number, now: number): boolean {
    return this.db.prepare('UPDATE jobs SET lease_expires_at = ?, updated_at = ? WHERE id = ? AND fence = ?').run(leaseExpiresAt, now, id, fence).changes > 0;
  }

  /** Moves a job if it is in `from` and (for runners) still carries `fence`; logs in the same transaction. */
  transition(id: string, request: TransitionRequest): JobResult {
    const { from, to, now } = request;
    if (!canTransition(from, to)) return { ok: false, error: { code: 'forbidden_transition', message: `A job cannot go from ${from} to ${to}.` } };
    return this.tx.run((): JobResult => {
      const fence = request.fence ?? (this.db.prepare('UPDATE fence_counter SET value = value + 1 WHERE id = 1 RETURNING value').pluck().get() as number);
      const releases = !activeJobStates.includes(to);
      const changed = this.db
        .prepare(
          `UPDATE jobs SET state = @to, fence = @fence, attempt = attempt + @attemptDelta, due_at = COALESCE(@dueAt, due_at),
             step = CASE WHEN @hasStep THEN @step ELSE step END, reason = CASE WHEN @hasReason THEN @reason ELSE reason END,
             lease_owner = CASE WHEN @releases THEN NULL ELSE lease_owner END,
             lease_expires_at = CASE WHEN @releases THEN NULL ELSE COALESCE(@lease, lease_expires_at) END, updated_at = @now
           WHERE id = @id AND state = @from AND (@checkFence = 0 OR fence = @fence)`,
        )
        .run({
          id, from, to, now, fence, checkFence: request.fence === null ? 0 : 1, attemptDelta: request.attemptDelta ?? 0,
          dueAt: request.dueAt ?? null, hasStep: request.step === undefined ? 0 : 1, step: request.step ?? null,
          hasReason: request.reason === undefined ? 0 : 1, reason: request.reason ?? null, releases: releases ? 1 : 0,
          lease: request.leaseExpiresAt ?? null,
        });
      if (changed.changes === 0) return this.explain(id, from, request.fence);
      const job = this.get(id) as Job;
      this.writeLog(job, now, from, to, fence, request.detail ?? request.reason ?? null);
      return { ok: true, job };
    });
  }

  /** Keeps a proof screenshot with the job, only while `fence` still owns it; false for a stale runner. */
  addProof(id: string, fence: number, label: string, sha256: string, now: number): boolean {
    return this.db
      .prepare('INSERT INTO job_proofs (job_id, at, label, sha256) SELECT id, ?, ?, ? FROM jobs WHERE id = ? AND fence = ?')
      .run(now, label, sha256, id, fence).changes > 0;
  }

  proofs(id: string): { at: number; label: string; sha256: string }[] {
    return this.db.prepare('SELECT at, label, sha256 FROM job_proofs WHERE job_id = ? ORDER BY id').all(id) as { at: number; label: string; sha256: string }[];
  }

  /** Logs a transition of `job` (as it is after it) and tells listeners once it is committed. */
  private writeLog(job: Job, at: number, from: JobState | null, to: JobState, fence: number, detail: string | null): void {
    this.db.prepare('INSERT INTO job_log (job_id, at, from_state, to_state, attempt, fence, detail) VALUES (?, ?, ?, ?, ?, ?, ?)').run(job.id, at, from, to, job.attempt, fence, detail);
    this.told(job, { at, from, to, attempt: job.attempt, fence, detail });
  }

  private told(job: Job, entry: JobLogEntry): void {
    this.tx.afterCommit(() => this.changes.emit({ job, entry }));
  }

  private explain(id: string, from: JobState, fence: number | null): JobResult {
    const job = this.get(id);
    if (!job) return { ok: false, error: { code: 'not_found', message: `Job ${id} does not exist.` } };
    if (fence !== null && job.fence !== fence) {
      return { ok: false, error: { code: 'stale_fence', message: `Job ${id} was taken over (fence ${fence} < ${job.fence}); this runner must stop.` } };
    }
    return { ok: false, error: { code: 'wrong_state', message: `Job ${id} is ${job.state}, not ${from}.` } };
  }
}
