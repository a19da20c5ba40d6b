// Maps anything thrown below the server (device errors, unknown failures) to a protocol error for the wire.
import { ErrorCode, isProtocolError, protocolError } from '../protocol/errorCodes.ts';
import type { ProtocolError } from '../protocol/errorCodes.ts';

/** Device errors carry protocol codes already (see devices/deviceError.ts), so they pass through as they are. */
export function toProtocolError(error: unknown): ProtocolError {
  if (isProtocolError(error)) {
    const { problems, jobId } = error;
    return protocolError(error.code, error.message, { ...(problems ? { problems } : {}), ...(jobId ? { jobId } : {}) });
  }
  if (error instanceof Error && /timed? ?out/i.test(error.message)) return protocolError(ErrorCode.Timeout, error.message);
  return protocolError(ErrorCode.Internal, error instanceof Error ? error.message : 'the box failed');
}

/** A typed error to throw inside request handlers. */
export class RequestError extends Error {
  readonly problems?: ProtocolError['problems'];
  readonly jobId?: string;

  constructor(
    readonly code: ProtocolError['code'],
    message: string,
    extra: Pick<ProtocolError, 'problems' | 'jobId'> = {},
  ) {
    super(message);
    this.name = 'RequestError';
    if (extra.problems) this.problems = extra.problems;
    if (extra.jobId) this.jobId = extra.jobId;
  }
}
