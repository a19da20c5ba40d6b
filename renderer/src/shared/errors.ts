// The console's one error type (a box error, or a request the console could not send) and the one problem mapper.
import { ErrorCode, isProtocolError } from '../../../native-bridge/protocol/errorCodes.ts';
import type { ProtocolError } from '../../../native-bridge/protocol/errorCodes.ts';
import { englishTexts, type TextTranslator } from './boxTexts.ts';

/** A request that failed: the box's typed answer, or `offline` when the console's link to the box is down. */
export class BoxRequestError extends Error {
  constructor(readonly error: ProtocolError) {
    super(`${error.code}: ${error.message}`);
  }

  get code(): ErrorCode {
    return this.error.code;
  }

  static offline(message = 'the box is not connected'): BoxRequestError {
    return new BoxRequestError({ code: ErrorCode.Offline, message });
  }
}

/** The error a box put in a JSON body (its HTTP API answers like its sockets), or null when there is none. */
export function protocolErrorIn(body: unknown): ProtocolError | null {
  if (!body || typeof body !== 'object') return null;
  const error = (body as { error?: unknown }).error;
  return isProtocolError(error) ? error : null;
}

/** The code of any failure; errors that did not come from a box count as `internal`. */
export function errorCodeOf(error: unknown): ErrorCode {
  return error instanceof BoxRequestError ? error.code : ErrorCode.Internal;
}

/** One line for places without fields (a menu, a file import, a toast): the box's message names the culprit. */
export function errorMessageOf(error: unknown, translate: TextTranslator = englishTexts): string {
  if (error instanceof BoxRequestError) return translate(error.error.text, error.error.message);
  return error instanceof Error ? error.message : String(error);
}

export interface FieldProblem {
  /** The request field as the box named it: `text`, `entries[0].name`, `time.date`. */
  field: string;
  message: string;
}

export interface BoxProblems {
  /** Each refused field with the box's message, in the box's order. */
  fields: FieldProblem[];
  /** What is tied to no field (a conflict, not found, offline); null when the box named fields. */
  general: string | null;
}

/**
 * The box's answer as forms show it. Rule violations come as `invalid` (the chat desk's older boxes said
 * `bad_request`) with `problems`; whatever the code, problems are per field and the rest is one general line.
 */
export function boxProblemsOf(error: unknown, translate: TextTranslator = englishTexts): BoxProblems {
  const problems = error instanceof BoxRequestError ? (error.error.problems ?? []) : [];
  if (problems.length > 0) return { fields: problems.map(({ field, message, text }) => ({ field, message: translate(text, message) })), general: null };
  return { fields: [], general: errorMessageOf(error, translate) };
}

/** The first message for a form field named `name` at any depth of the request (`entries[0].name` → `name`). */
export function fieldMessage(problems: BoxProblems, name: string): string | null {
  const leaf = (field: string) => field.replace(/^.*\./, '').replace(/\[\d+\]$/, '');
  return problems.fields.find((problem) => leaf(problem.field) === name)?.message ?? null;
}

/** Every message as one list: field problems first, then the general line (for a form without per-field places). */
export function problemMessages(problems: BoxProblems): string[] {
  return [...problems.fields.map((problem) => problem.message), ...(problems.general === null ? [] : [problems.general])];
}

export const noProblems: BoxProblems = { fields: [], general: null };

export interface PlacedProblem<F extends string> extends FieldProblem {
  /** The form's field the problem shows at. */
  place: F;
}

/** Every problem placed on one of a form's fields: `placeOf` maps the box's path (`''` for the general line). */
export function placeProblems<F extends string>(error: unknown, placeOf: (path: string) => F, translate: TextTranslator = englishTexts): PlacedProblem<F>[] {
  const { fields, general } = boxProblemsOf(error, translate);
  const all = general === null ? fields : [...fields, { field: '', message: general }];
  return all.map((problem) => ({ ...problem, place: placeOf(problem.field) }));
}
