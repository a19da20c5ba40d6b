// Runs one claimed job through its flow with fenced, durable transitions; verifies jobs that need a check.
import type { Flow } from '../flows/flowSchema.ts';
import { FlowInterpreter, FlowStepError, type FlowJobContext } from '../flows/flowInterpreter.ts';
import type { PhonePort } from '../flows/phonePort.ts';
import type { Clock } from '../base/clock.ts';
import { FailpointCrash, noFailpoints, type Failpoint } from './failpoints.ts';
import { retryDelayMs, retryOrFail, type RetryPolicy } from './jobRecovery.ts';
import type { JobState } from './jobStates.ts';
import type { Job, JobStore } from './jobStore.ts';

export interface JobRunnerDeps {
  jobs: JobStore;
  clock: Clock;
  /** The phone for a device, or null when it is not connected. */
  phoneFor(deviceId: string): PhonePort | null;
  flowFor(flowId: string): Flow | null;
  contextFor(job: Job): FlowJobContext;
  /** Stores a proof screenshot if `fence` still owns the job; false when the runner has been fenced off. */
  saveProof(jobId: string, fence: number, label: string, png: Uint8Array, now: number): boolean;
  owner: string;
  leaseMs: number;
  retry: RetryPolicy;
  failpoint?: Failpoint;
}

export type RunOutcome = JobState | 'fenced';

type MoveExtra = { step?: string | null; reason?: string | null; dueAt?: number };

/** The runner's lease was taken over (or the job changed under it): it must stop without touching the phone. */
class FencedOut extends Error {}

export class JobRunner {
  private readonly failpoint: Failpoint;

  constructor(private readonly deps: JobRunnerDeps) {
    this.failpoint = deps.failpoint ?? noFailpoints;
  }

  /** Runs a job the caller claimed (state `claimed`, holding `job.fence`). */
  async run(claimed: Job): Promise<RunOutcome> {
    const { jobs, clock } = this.deps;
    const { move, current } = this.mover(claimed);
    const job = claimed;
    try {
      const phone = this.deps.phoneFor(job.deviceId);
      const flow = this.deps.flowFor(job.flowId);
      if (!flow) {
        await move('failed', { step: 'load flow', reason: `flow ${job.flowId} is not installed on this box` });
        return 'failed';
      }
      if (!phone) {
        const result = retryOrFail(jobs, job, claimed.fence, clock.now(), this.deps.retry, 'the phone is not connected');
        return result.ok ? result.job.state : 'fenced';
      }
      let flowRun: FlowInterpreter;
      try {
        flowRun = this.interpreter(flow, phone, job, claimed.fence);
      } catch (error) {
        await move('failed', { step: 'load post', reason: describe(error) });
        return 'failed';
      }
      try {
        await move('preparing', { step: 'prepare' });
        await flowRun.runPreparation();
      } catch (error) {
        if (error instanceof FailpointCrash || error instanceof FencedOut) throw error;
        const result = retryOrFail(jobs, current(), claimed.fence, clock.now(), this.deps.retry, describe(error), stepOf(error));
        return result.ok ? result.job.state : 'fenced';
      }
      // Durable before the irreversible tap: a crash from here on is resolved by looking at the phone.
      await move('committing', { step: 'commit' });
      await this.failpoint('before:commit-tap', job.id);
      try {
        await flowRun.runCommit();
      } catch (error) {
        if (error instanceof FailpointCrash || error instanceof FencedOut) throw error;
        await move('needs_check', { reason: `the publish tap may not have completed: ${describe(error)}`, dueAt: this.checkAgainAt() });
        return 'needs_check';
      }
      await this.failpoint('after:commit-tap', job.id);
      await move('verifying', { step: 'verify' });
      return await this.finishVerification(flowRun, move);
    } catch (error) {
      if (error instanceof FencedOut) return 'fenced';
      throw error;
    }
  }

  /** Resolves a `needs_check` job the caller claimed into `verifying`: done or failed by what the phone shows. */
  async verify(claimed: Job): Promise<RunOutcome> {
    const { move } = this.mover(claimed);
    const job = claimed;
    try {
      const phone = this.deps.phoneFor(job.deviceId);
      const flow = this.deps.flowFor(job.flowId);
      if (!phone || !flow) {
        await move('needs_check', { reason: !flow ? `flow ${job.flowId} is not installed; check by hand` : 'the phone is not connected; will check again', dueAt: this.checkAgainAt() });
        return 'needs_check';
      }
      let flowRun: FlowInterpreter;
      try {
        flowRun = this.interpreter(flow, phone, job, claimed.fence);
      } catch (error) {
        await move('needs_check', { reason: `cannot check automatically (${describe(error)}); check by hand`, dueAt: this.checkAgainAt() });
        return 'needs_check';
      }
      return await this.finishVerification(flowRun, move, true);
    } catch (error) {
      if (error instanceof FencedOut) return 'fenced';
      throw error;
    }
  }

  /** After the commit tap (or an interrupted one): look at the phone and settle the job as done or failed. */
  private async finishVerification(
    flowRun: FlowInterpreter,
    move: (to: JobState, extra?: MoveExtra) => Promise<void>,
    afterInterruption = false,
  ): Promise<RunOutcome> {
    let seen: boolean;
    try {
      if (!afterInterruption) await flowRun.runAfterCommit();
      seen = await flowRun.isPublished();
    } catch (error) {
      if (error instanceof FailpointCrash || error instanceof FencedOut) throw error;
      await move('needs_check', { reason: `could not look at the phone: ${describe(error)}`, dueAt: this.checkAgainAt() });
      return 'needs_check';
    }
    if (seen) {
      await move('done', { step: null, reason: null });
      return 'done';
    }
    await move('failed', { step: 'verify', reason: afterInterruption ? 'the post is not on the phone after an interrupted publish; retry by hand if still wanted' : 'the post did not appear after the publish tap' });
    return 'failed';
  }

  /**
   * Fenced transitions for one claimed job, each between its two failpoints, renewing the lease. A rejected
   * write means another runner owns the job (or an operator changed it): this run must stop.
   */
  private mover(claimed: Job): { move: (to: JobState, extra?: MoveExtra) => Promise<void>; current: () => Job } {
    let job = claimed;
    const move = async (to: JobState, extra: MoveExtra = {}) => {
      const from = job.state;
      await this.failpoint(`before:${from}->${to}`, job.id);
      const now = this.deps.clock.now();
      const result = this.deps.jobs.transition(job.id, { from, to, now, fence: claimed.fence, leaseExpiresAt: now + this.deps.leaseMs, ...extra });
      if (!result.ok) throw new FencedOut(result.error.message);
      job = result.job;
      await this.failpoint(`after:${from}->${to}`, job.id);
    };
    return { move, current: () => job };
  }

  /** The next automatic look at a phone that could not be checked now. */
  private checkAgainAt(): number {
    return this.deps.clock.now() + retryDelayMs(1, this.deps.retry);
  }

  private interpreter(flow: Flow, phone: PhonePort, job: Job, fence: number): FlowInterpreter {
    const { jobs, clock, leaseMs } = this.deps;
    return new FlowInterpreter(flow, phone, this.deps.contextFor(job), clock, {
      beforeStep: () => {
        if (!jobs.renewLease(job.id, fence, clock.now() + leaseMs, clock.now())) throw new FencedOut(`job ${job.id} was taken over`);
      },
      proof: (label, png) => {
        if (!this.deps.saveProof(job.id, fence, label, png, clock.now())) throw new FencedOut(`job ${job.id} was taken over`);
      },
    });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function stepOf(error: unknown): string | null {
  return error instanceof FlowStepError ? `${error.phase} step ${error.stepIndex} (${error.action})` : null;
}
