// What an operator may do to a job: cancel it, retry a failed or missed one, or settle a needs_check by hand.
// Each answers the job as it is after, or throws a BoxError (`not_found`, `conflict`) a person can act on.
import { say } from '../base/boxText.ts';
import { BoxError } from '../base/boxError.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { Job, JobResult, JobStore } from './jobStore.ts';

function existing(jobs: JobStore, id: string): Job {
  const job = jobs.get(id);
  if (!job) throw new BoxError(ErrorCode.NotFound, say('posting.jobNotFound', { jobId: id }));
  return job;
}

function settled(result: JobResult): Job {
  if (result.ok) return result.job;
  throw new BoxError(result.error.code === 'not_found' ? ErrorCode.NotFound : ErrorCode.Conflict, result.error.message);
}

export function cancelJob(jobs: JobStore, id: string, now: number, by: string): Job {
  const job = existing(jobs, id);
  // Cancelling a running job is allowed only before committing; the runner's next fenced write then fails.
  return settled(jobs.transition(id, { from: job.state, to: 'cancelled', now, fence: null, reason: `cancelled by ${by}` }));
}

/** A new attempt, due now; only for jobs that certainly did not publish (failed, missed). */
export function retryJob(jobs: JobStore, id: string, now: number, by: string): Job {
  const job = existing(jobs, id);
  if (job.state !== 'failed' && job.state !== 'missed') {
    throw new BoxError(ErrorCode.Conflict, `Only failed or missed jobs can be retried; job ${id} is ${job.state}.`);
  }
  return settled(jobs.transition(id, { from: job.state, to: 'scheduled', now, fence: null, attemptDelta: 1, dueAt: now, step: null, reason: null, detail: `retry requested by ${by}` }));
}

/** The operator looked at the phone and says whether the post is there. */
export function resolveByHand(jobs: JobStore, id: string, outcome: 'done' | 'failed', now: number, by: string, note: string): Job {
  const job = existing(jobs, id);
  if (job.state !== 'needs_check') throw new BoxError(ErrorCode.Conflict, `Job ${id} is ${job.state}, not needs_check.`);
  return settled(jobs.transition(id, { from: 'needs_check', to: outcome, now, fence: null, reason: outcome === 'failed' ? `checked by ${by}: ${note}` : null, detail: `checked by ${by}: ${note}` }));
}
