// The box's one error type: a protocol error code and a message a person can act on. Thrown anywhere below the
// server and sent to clients as it is; anything else thrown becomes `internal` (or `timeout`) on the wire.
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { ProtocolError } from '../protocol/errorCodes.ts';
import type { ProtocolText } from '../protocol/errorCodes.ts';
import type { Said } from './boxText.ts';
import { describeProblems } from './fieldProblems.ts';
import type { FieldProblem } from './fieldProblems.ts';

export interface BoxErrorDetails {
  /** For `invalid`: every field that failed and why. */
  problems?: FieldProblem[];
  /** For `busy`: the posting job running on the phone. */
  jobId?: string;
  cause?: unknown;
}

export class BoxError extends Error {
  readonly code: ErrorCode;
  /** The message as a key of the protocol's text catalog, so consoles can show it in their user's language. */
  readonly text?: ProtocolText;
  readonly problems?: FieldProblem[];
  readonly jobId?: string;

  /** `message` is English text, or what `say()` made (a catalog key with its English wording). */
  constructor(code: ErrorCode, message: string | Said, details: BoxErrorDetails = {}) {
    super(typeof message === 'string' ? message : message.message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'BoxError';
    this.code = code;
    if (typeof message !== 'string') this.text = message.text;
    if (details.problems && details.problems.length > 0) this.problems = details.problems;
    if (details.jobId) this.jobId = details.jobId;
  }

  /** A well-formed request the box's rules refuse; the message lists every field. */
  static invalid(problems: FieldProblem[]): BoxError {
    return new BoxError(ErrorCode.Invalid, describeProblems(problems), { problems });
  }
}

export function isBoxError(error: unknown, code?: ErrorCode): error is BoxError {
  return error instanceof BoxError && (code === undefined || error.code === code);
}

/** The text of anything thrown, for reasons and logs. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a client is told about a failure: a BoxError as it is; any other failure as `internal` (or `timeout`). */
export function toProtocolError(error: unknown): ProtocolError {
  if (error instanceof BoxError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.text ? { text: error.text } : {}),
      ...(error.problems ? { problems: error.problems } : {}),
      ...(error.jobId ? { jobId: error.jobId } : {}),
    };
  }
  const message = messageOf(error);
  if (/timed? ?out/i.test(message)) return { code: ErrorCode.Timeout, message };
  return { code: ErrorCode.Internal, message: error instanceof Error ? message : 'the box failed' };
}
