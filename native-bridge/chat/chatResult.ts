// Results and typed errors of the chat tools' stores, shaped like the box protocol's errors so they cross as data.
import type { ErrorCode } from '../protocol/errorCodes.ts';
import { describeProblems, type FieldProblem } from '../validation/fieldProblems.ts';

export { fieldProblems, type FieldProblem } from '../validation/fieldProblems.ts';

export type ChatErrorCode = Extract<ErrorCode, 'bad_request' | 'not_found'>;

export interface ChatError {
  code: ChatErrorCode;
  message: string;
  /** For `bad_request`: every field that failed and why. */
  problems?: FieldProblem[];
}

export type ChatResult<T> = { ok: true; value: T } | { ok: false; error: ChatError };

export function ok<T>(value: T): ChatResult<T> {
  return { ok: true, value };
}

export function notFound(message: string): { ok: false; error: ChatError } {
  return { ok: false, error: { code: 'not_found', message } };
}

export function badRequest(problems: FieldProblem[]): { ok: false; error: ChatError } {
  return { ok: false, error: { code: 'bad_request', message: describeProblems(problems), problems } };
}


/** Thrown inside a store transaction to roll it back and hand a typed failure to the caller. */
export class ChatAbort extends Error {
  constructor(readonly result: { ok: false; error: ChatError }) {
    super(result.error.message);
    this.name = 'ChatAbort';
  }
}
