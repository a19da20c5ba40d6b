// Schedules: validated creation against known posts/phones/groups, expansion into jobs, and cancellation.
import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { DeviceStore } from '../store/deviceStore.ts';
import type { JobStore } from './jobStore.ts';
import { BoxError } from '../base/boxError.ts';
import { describeProblems, fieldProblems, type FieldProblem } from '../base/fieldProblems.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import { Transactions } from '../store/transactions.ts';
import { localToInstant, occurrencesBetween } from './scheduleRules.ts';
import { SchedulePlanner } from './schedulePlanner.ts';
import { scheduleSpecSchema, type ScheduleSpec } from './scheduleSpec.ts';

export interface Schedule {
  id: string;
  spec: ScheduleSpec;
  /** The box's time zone when the schedule was made: its local times stay put if the box moves. */
  zone: string;
  createdAt: number;
  cancelledAt: number | null;
}

interface ScheduleRow {
  id: string;
  post_id: string;
  flow_id: string;
  spec: string;
  created_at: number;
  cancelled_at: number | null;
}

const storedSpecSchema = z.object({ spec: scheduleSpecSchema, zone: z.string().min(1) });

/** Rows are checked on the way out too: a schedule written by hand or by a broken build fails loudly, alone. */
export function scheduleFromRow(row: ScheduleRow): Schedule {
  let json: unknown;
  try {
    json = JSON.parse(row.spec);
  } catch {
    throw new BoxError(ErrorCode.Invalid, `Schedule ${row.id} is stored as unreadable JSON.`);
  }
  const stored = storedSpecSchema.safeParse(json);
  if (!stored.success) throw new BoxError(ErrorCode.Invalid, `Schedule ${row.id} is stored invalid: ${describeProblems(fieldProblems(stored.error))}`);
  return { id: row.id, spec: stored.data.spec, zone: stored.data.zone, createdAt: row.created_at, cancelledAt: row.cancelled_at };
}

export interface ScheduleStoreDeps {
  db: BetterSqlite3.Database;
  jobs: JobStore;
  devices: DeviceStore;
  /** Flow ids this box can run. */
  knownFlows: ReadonlySet<string>;
  newId?: () => string;
}

export class ScheduleStore {
  private readonly newId: () => string;

  constructor(private readonly deps: ScheduleStoreDeps) {
    this.newId = deps.newId ?? randomUUID;
  }

  /** Validates, stores the schedule and expands its jobs up to `now + horizonMs`, all or nothing. */
  create(input: unknown, zone: string, now: number, horizonMs: number): { schedule: Schedule; jobsCreated: number } {
    const spec = this.validate(input);
    const id = this.newId();
    return Transactions.of(this.deps.db).run(() => {
      this.deps.db.prepare('INSERT INTO schedules (id, post_id, flow_id, spec, created_at) VALUES (?, ?, ?, ?, ?)').run(id, spec.postId, spec.flowId, JSON.stringify({ spec, zone }), now);
      const schedule = this.get(id) as Schedule;
      return { schedule, jobsCreated: this.expand(schedule, now - spec.graceMinutes * 60_000, now + horizonMs, now) };
    });
  }

  get(id: string): Schedule | null {
    const row = this.deps.db.prepare('SELECT * FROM schedules WHERE id = ?').get(id) as ScheduleRow | undefined;
    return row ? scheduleFromRow(row) : null;
  }

  /** Every schedule, newest first; cancelled ones only when asked. */
  list(includeCancelled: boolean): Schedule[] {
    const rows = this.deps.db
      .prepare('SELECT * FROM schedules WHERE (? = 1 OR cancelled_at IS NULL) ORDER BY created_at DESC, id')
      .all(includeCancelled ? 1 : 0) as ScheduleRow[];
    return rows.map(scheduleFromRow);
  }

  active(): Schedule[] {
    return (this.deps.db.prepare('SELECT * FROM schedules WHERE cancelled_at IS NULL ORDER BY created_at, id').all() as ScheduleRow[]).map(scheduleFromRow);
  }

  /**
   * Plans jobs of every active schedule for occurrences in the window (idempotent: run it every tick or hour).
   * A schedule that cannot be expanded is reported and skipped; the others still get their jobs.
   */
  expandAll(now: number, horizonMs: number, onError: (scheduleId: string, error: unknown) => void = (_id, error) => {
    throw error;
  }): number {
    let created = 0;
    const rows = this.deps.db.prepare('SELECT * FROM schedules WHERE cancelled_at IS NULL ORDER BY created_at, id').all() as ScheduleRow[];
    for (const row of rows) {
      try {
        created += Transactions.of(this.deps.db).run(() => this.expand(scheduleFromRow(row), now, now + horizonMs, now));
      } catch (error) {
        onError(row.id, error);
      }
    }
    return created;
  }

  /** Stops a schedule and cancels its jobs that have not started; running ones finish. */
  cancel(id: string, now: number): number {
    return Transactions.of(this.deps.db).run(() => {
      const changed = this.deps.db.prepare('UPDATE schedules SET cancelled_at = ? WHERE id = ? AND cancelled_at IS NULL').run(now, id);
      if (changed.changes === 0 && !this.get(id)) throw new BoxError(ErrorCode.NotFound, `Schedule ${id} does not exist.`);
      let cancelled = 0;
      for (const job of this.deps.jobs.list({ scheduleId: id, state: 'scheduled' })) {
        if (this.deps.jobs.transition(job.id, { from: 'scheduled', to: 'cancelled', now, fence: null, reason: 'schedule cancelled' }).ok) cancelled++;
      }
      return cancelled;
    });
  }

  private expand(schedule: Schedule, fromMs: number, toMs: number, now: number): number {
    const { spec, zone } = schedule;
    const deviceIds = this.resolveDevices(spec);
    const planner = new SchedulePlanner();
    const dayBounds = new Map<string, [number, number]>();
    const boundsOf = (day: string): [number, number] => {
      let bounds = dayBounds.get(day);
      if (!bounds) {
        bounds = [localToInstant(day, '00:00', zone), localToInstant(DateTime.fromISO(day).plus({ days: 1 }).toISODate() ?? day, '00:00', zone)];
        dayBounds.set(day, bounds);
      }
      return bounds;
    };
    const jobs = occurrencesBetween(spec.time, zone, fromMs, toMs).flatMap((occurrence) =>
      planner.plan({
        scheduleId: schedule.id,
        spec,
        zone,
        occurrence,
        deviceIds,
        deviceCap: (id) => this.deps.devices.get(id)?.dailyCap ?? null,
        plannedOn: (id, day) => this.deps.jobs.countPlanned(id, ...boundsOf(day)),
      }),
    );
    return this.deps.jobs.insertPlanned(jobs, now);
  }

  private resolveDevices(spec: ScheduleSpec): string[] {
    const ids = new Set(spec.devices);
    for (const groupId of spec.groups) for (const id of this.deps.devices.getGroup(groupId)?.deviceIds ?? []) ids.add(id);
    return [...ids];
  }

  private validate(input: unknown): ScheduleSpec {
    const parsed = scheduleSpecSchema.safeParse(input);
    if (!parsed.success) {
      const problems = fieldProblems(parsed.error);
      throw BoxError.invalid(problems);
    }
    const spec = parsed.data;
    const problems: FieldProblem[] = [];
    if (this.deps.db.prepare('SELECT 1 FROM posts WHERE id = ?').get(spec.postId) === undefined) problems.push({ field: 'postId', message: `post ${spec.postId} does not exist` });
    if (!this.deps.knownFlows.has(spec.flowId)) problems.push({ field: 'flowId', message: `flow ${spec.flowId} is not installed on this box` });
    spec.devices.forEach((id, i) => {
      if (!this.deps.devices.get(id)) problems.push({ field: `devices[${i}]`, message: `unknown phone ${id}: connect it to this box first` });
    });
    spec.groups.forEach((id, i) => {
      if (!this.deps.devices.getGroup(id)) problems.push({ field: `groups[${i}]`, message: `unknown group ${id}` });
    });
    if (problems.length > 0) throw BoxError.invalid(problems);
    return spec;
  }
}
