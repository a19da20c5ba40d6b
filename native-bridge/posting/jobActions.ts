// What an operator may do to a job: cancel it, retry a failed or missed one, or settle a needs_check by hand.
import type { JobResult, JobStore } from './jobStore.ts';

export function cancelJob(jobs: JobStore, id: string, now: number, by: string): JobResult {
  const job = jobs.get(id);
  if (!job) return { ok: false, error: { code: 'not_found', message: `Job ${id} does not exist.` } };
  // Cancelling a running job is allowed only before committing; the runner's next fenced write then fails.
  return jobs.transition(id, { from: job.state, to: 'cancelled', now, fence: null, reason: `cancelled by ${by}` });
}

/** A new attempt, due now; only for jobs that certainly did not publish (failed, missed). */
export function retryJob(jobs: JobStore, id: string, now: number, by: string): JobResult {
  const job = jobs.get(id);
  if (!job) return { ok: false, error: { code: 'not_found', message: `Job ${id} does not exist.` } };
  if (job.state !== 'failed' && job.state !== 'missed') {
    return { ok: false, error: { code: 'wrong_state', message: `Only failed or missed jobs can be retried; job ${id} is ${job.state}.` } };
  }
  return jobs.transition(id, { from: job.state, to: 'scheduled', now, fence: null, attemptDelta: 1, dueAt: now, step: null, reason: null, detail: `retry requested by ${by}` });
}

/** The operator looked at the phone and says whether the post is there. */
export function resolveByHand(jobs: JobStore, id: string, outcome: 'done' | 'failed', now: number, by: string, note: string): JobResult {
  const job = jobs.get(id);
  if (!job) return { ok: false, error: { code: 'not_found', message: `Job ${id} does not exist.` } };
  if (job.state !== 'needs_check') return { ok: false, error: { code: 'wrong_state', message: `Job ${id} is ${job.state}, not needs_check.` } };
  return jobs.transition(id, { from: 'needs_check', to: outcome, now, fence: null, reason: outcome === 'failed' ? `checked by ${by}: ${note}` : null, detail: `checked by ${by}: ${note}` });
}
