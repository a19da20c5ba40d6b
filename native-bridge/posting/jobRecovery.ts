// Bringing jobs back to a safe state: after a restart, after a lease expired, and when due times were missed.
import type { Job, JobResult, JobStore } from './jobStore.ts';

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseMs: 30_000, maxMs: 10 * 60_000 };

/** Exponential backoff: base, 2×base, 4×base … capped. `attempt` is the attempt that just failed (1-based). */
export function retryDelayMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * A job that stopped before committing (nothing irreversible happened) runs again with attempt+1 after a backoff,
 * or fails for good once its attempts are used up.
 */
export function retryOrFail(jobs: JobStore, job: Job, fence: number | null, now: number, policy: RetryPolicy, reason: string, step: string | null = null): JobResult {
  const from = job.state;
  if (job.attempt >= job.maxAttempts) {
    return jobs.transition(job.id, { from, to: 'failed', now, fence, step: step ?? job.step, reason: `${reason} (gave up after ${job.attempt} attempts)` });
  }
  return jobs.transition(job.id, { from, to: 'scheduled', now, fence, attemptDelta: 1, dueAt: now + retryDelayMs(job.attempt, policy), step, reason, detail: `retry: ${reason}` });
}

/** Where a job that lost its runner goes: retried before committing, checked on the phone from committing on. */
function recover(jobs: JobStore, job: Job, now: number, policy: RetryPolicy, why: string): 'retried' | 'needs_check' | 'failed' | 'skipped' {
  if (job.state === 'claimed' || job.state === 'preparing') {
    const result = retryOrFail(jobs, job, null, now, policy, why);
    if (!result.ok) return 'skipped';
    return result.job.state === 'failed' ? 'failed' : 'retried';
  }
  if (job.state === 'committing' || job.state === 'verifying') {
    const result = jobs.transition(job.id, { from: job.state, to: 'needs_check', now, fence: null, dueAt: now, reason: `${why} while ${job.state}: the post may or may not be out; the phone will be checked` });
    return result.ok ? 'needs_check' : 'skipped';
  }
  return 'skipped';
}

export interface RecoveryReport {
  retried: string[];
  needsCheck: string[];
  failed: string[];
}

function collect(jobs: JobStore, list: readonly Job[], now: number, policy: RetryPolicy, why: string): RecoveryReport {
  const report: RecoveryReport = { retried: [], needsCheck: [], failed: [] };
  for (const job of list) {
    const outcome = recover(jobs, job, now, policy, why);
    if (outcome === 'retried') report.retried.push(job.id);
    if (outcome === 'needs_check') report.needsCheck.push(job.id);
    if (outcome === 'failed') report.failed.push(job.id);
  }
  return report;
}

/** At start no runner of this box is alive, so every active job lost its runner. */
export function recoverAfterRestart(jobs: JobStore, now: number, policy: RetryPolicy): RecoveryReport {
  return collect(jobs, jobs.active(), now, policy, 'the box restarted');
}

/** A runner that stopped renewing its lease is presumed dead; its fencing number stops it if it wakes. */
export function expireLeases(jobs: JobStore, now: number, policy: RetryPolicy): RecoveryReport {
  return collect(jobs, jobs.active().filter((job) => job.leaseExpiresAt !== null && job.leaseExpiresAt < now), now, policy, 'the lease expired');
}

/** Jobs later than their grace window are not run automatically: an operator decides. */
export function markMissed(jobs: JobStore, now: number): string[] {
  const missed: string[] = [];
  for (const job of jobs.overdue(now)) {
    const lateMin = Math.round((now - job.dueAt) / 60_000);
    const result = jobs.transition(job.id, { from: 'scheduled', to: 'missed', now, fence: null, reason: `not started within the ${Math.round(job.graceMs / 60_000)} min grace window (${lateMin} min late)` });
    if (result.ok) missed.push(job.id);
  }
  return missed;
}
