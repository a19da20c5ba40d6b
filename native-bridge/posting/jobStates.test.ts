// Tests of the job transition table: every pair of states, allowed or not.
import { describe, expect, it } from 'vitest';
import { allJobStates, canTransition, jobTransitions } from './jobStates.ts';

const allowed = new Set([
  'scheduled>claimed', 'scheduled>missed', 'scheduled>cancelled',
  'claimed>preparing', 'claimed>scheduled', 'claimed>failed', 'claimed>cancelled',
  'preparing>committing', 'preparing>scheduled', 'preparing>failed', 'preparing>cancelled',
  'committing>verifying', 'committing>needs_check',
  'verifying>done', 'verifying>failed', 'verifying>needs_check',
  'needs_check>verifying', 'needs_check>done', 'needs_check>failed',
  'failed>scheduled', 'failed>cancelled',
  'missed>scheduled', 'missed>cancelled',
]);

describe('job transition table', () => {
  it('allows exactly the listed transitions, checked for every pair of states', () => {
    let checked = 0;
    for (const from of allJobStates) {
      for (const to of allJobStates) {
        expect(canTransition(from, to), `${from} -> ${to}`).toBe(allowed.has(`${from}>${to}`));
        checked++;
      }
    }
    expect(checked).toBe(100);
  });

  it('never lets a job that may have published go back to scheduled', () => {
    for (const from of ['committing', 'verifying', 'needs_check'] as const) {
      expect(jobTransitions[from]).not.toContain('scheduled');
      expect(jobTransitions[from]).not.toContain('cancelled');
    }
    expect(jobTransitions.done).toEqual([]);
  });
});
