// Reads job transitions as they are logged (for live events) and which job holds a phone right now.
import type BetterSqlite3 from 'better-sqlite3';
import { activeJobStates } from './jobStates.ts';
import { jobLogFromRow, type Job, type JobLogEntry, type JobReader } from './jobStore.ts';

export interface JobChange {
  job: Job;
  entry: JobLogEntry;
}

interface FeedRow {
  id: number;
  job_id: string;
  at: number;
  from_state: string | null;
  to_state: string;
  attempt: number;
  fence: number;
  detail: string | null;
}

export class JobFeed {
  private cursor: number;

  /** Starts after the last transition already logged: only what happens from now on is reported. */
  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly jobs: JobReader,
  ) {
    this.cursor = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM job_log').pluck().get() as number) ?? 0;
  }

  /**
   * Transitions logged since the last call, oldest first, each with its job as it is now. Reading the log
   * (written in the same transaction as each state change) sees every transition, whoever made it.
   */
  poll(limit = 1000): JobChange[] {
    const rows = this.db
      .prepare('SELECT id, job_id, at, from_state, to_state, attempt, fence, detail FROM job_log WHERE id > ? ORDER BY id LIMIT ?')
      .all(this.cursor, limit) as FeedRow[];
    const changes: JobChange[] = [];
    for (const row of rows) {
      this.cursor = row.id;
      const job = this.jobs.get(row.job_id);
      if (job) changes.push({ job, entry: jobLogFromRow(row) });
    }
    return changes;
  }

  /** The job holding a phone (claimed … verifying) and since when, or null. */
  holderOf(deviceId: string): { jobId: string; since: number } | null {
    const placeholders = activeJobStates.map(() => '?').join(', ');
    const row = this.db
      .prepare(
        `SELECT j.id AS jobId, (SELECT MAX(l.at) FROM job_log l WHERE l.job_id = j.id AND l.to_state IN ('claimed', 'verifying')) AS since
         FROM jobs j WHERE j.device_id = ? AND j.state IN (${placeholders}) LIMIT 1`,
      )
      .get(deviceId, ...activeJobStates) as { jobId: string; since: number | null } | undefined;
    return row ? { jobId: row.jobId, since: row.since ?? 0 } : null;
  }

  /** Phones held by a job right now. */
  busyDevices(): Set<string> {
    const placeholders = activeJobStates.map(() => '?').join(', ');
    return new Set(this.db.prepare(`SELECT device_id FROM jobs WHERE state IN (${placeholders})`).pluck().all(...activeJobStates) as string[]);
  }
}
