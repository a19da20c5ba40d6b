// Turns typed errors from the box into text for the field they name (never HTML).
import { RequestFailed } from '../../shared/connection/rpcSocket.ts';
import { UploadFailed } from './postingClient.ts';

export interface ServerProblem {
  field: string;
  message: string;
}

/** The box's `invalid` problems, or one problem without a field for any other error. */
export function serverProblems(error: unknown): ServerProblem[] {
  if (error instanceof RequestFailed || error instanceof UploadFailed) {
    if (error.error.problems && error.error.problems.length > 0) return error.error.problems;
    return [{ field: '', message: error.error.message }];
  }
  return [{ field: '', message: error instanceof Error ? error.message : String(error) }];
}
