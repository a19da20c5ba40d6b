// The job state machine as data: states, allowed transitions, and which states hold a phone.
export const JobState = {
  scheduled: 'scheduled',
  claimed: 'claimed',
  preparing: 'preparing',
  committing: 'committing',
  verifying: 'verifying',
  done: 'done',
  failed: 'failed',
  needsCheck: 'needs_check',
  missed: 'missed',
  cancelled: 'cancelled',
} as const;
export type JobState = (typeof JobState)[keyof typeof JobState];

export const allJobStates: readonly JobState[] = Object.values(JobState);

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

/** States a job never leaves without an operator. */
export const terminalJobStates: readonly JobState[] = ['done', 'failed', 'missed', 'cancelled'];

export function canTransition(from: JobState, to: JobState): boolean {
  return jobTransitions[from].includes(to);
}
