// Named hooks before and after every job transition, so fault tests can stop the box at each one.
export type Failpoint = (name: string, jobId: string) => void | Promise<void>;

/** Thrown from a failpoint to stand for the process dying there: the runner stops and writes nothing more. */
export class FailpointCrash extends Error {
  constructor(readonly failpoint: string) {
    super(`crashed at ${failpoint}`);
    this.name = 'FailpointCrash';
  }
}

export const noFailpoints: Failpoint = () => undefined;

/** Every failpoint the runner passes through on a job's way from claimed to done (and on verification). */
export const runnerFailpoints: readonly string[] = [
  'before:claimed->preparing',
  'after:claimed->preparing',
  'before:preparing->committing',
  'after:preparing->committing',
  'before:commit-tap',
  'after:commit-tap',
  'before:committing->verifying',
  'after:committing->verifying',
  'before:verifying->done',
  'after:verifying->done',
];
