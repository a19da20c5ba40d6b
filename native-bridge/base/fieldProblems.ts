// Zod issues as `field: message` items that name the field a person must fix, e.g. `entries[2].tags[0]: too long`.
import type { z } from 'zod';

export interface FieldProblem {
  field: string;
  /** English. */
  message: string;
  /** The message as a key of the protocol's text catalog, when the box has one for it. */
  text?: { key: string; params?: Record<string, string | number> };
}

/** A zod path as written in messages: `steps[3].timeoutMs`; `whole` when the problem is the input itself. */
export function fieldPath(path: readonly PropertyKey[], whole = '(input)'): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`)).join('') || whole;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
}

export function describeProblems(problems: readonly FieldProblem[]): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}
