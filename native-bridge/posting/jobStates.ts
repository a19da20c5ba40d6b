// The job state machine as data: allowed transitions between the protocol's job states, and which states hold a phone.
import { JOB_STATES } from '../protocol/postingMessages.ts';

export type JobState = (typeof JOB_STATES)[number];

export const allJobStates: readonly JobState[] = JOB_STATES;

/**
 * Everything before `committing` is safe to redo, so it may go back to `scheduled`; from `committing` on the
 * publish tap may have happened, so the only ways out are verification (`verifying`) or `needs_check`.
 */
export const jobTransitions: Readonly<Record<JobState, readonly JobState[]>> = {
  scheduled: ['claimed', 'missed', 'cancelled'],
  claimed: ['preparing', 'scheduled', 'failed', 'cancelled'],
  preparing: ['committing', 'scheduled', 'failed', 'cancelled'],
  committing: ['verifying', 'needs_check'],
  verifying: ['done', 'failed', 'needs_check'],
  needs_check: ['verifying', 'done', 'failed'],
  failed: ['scheduled', 'cancelled'],
  missed: ['scheduled', 'cancelled'],
  done: [],
  cancelled: [],
};

/** States in which a runner holds the phone (at most one job per phone, enforced by a unique partial index). */
export const activeJobStates: readonly JobState[] = ['claimed', 'preparing', 'committing', 'verifying'];

/** States before the publish tap: a job in one of them may still run (its schedule still drives a phone). */
export const notYetPublishedStates: readonly JobState[] = ['scheduled', 'claimed', 'preparing'];

/** States a job never leaves without an operator. */
export const terminalJobStates: readonly JobState[] = ['done', 'failed', 'missed', 'cancelled'];

export function canTransition(from: JobState, to: JobState): boolean {
  return jobTransitions[from].includes(to);
}
