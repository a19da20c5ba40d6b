// Which box the chat tools work with, and the box's typed errors turned into per-field messages for forms.
import type { AppState } from '../../app/appStore.ts';
import { RequestFailed } from '../../shared/connection/rpcSocket.ts';

/** The box of the selected phone, else the first online box, else the first box. */
export function selectActiveBoxId(state: Pick<AppState, 'selectedKey' | 'devices' | 'boxOrder' | 'boxes'>): string | null {
  const selected = state.selectedKey ? state.devices[state.selectedKey] : undefined;
  if (selected) return selected.boxId;
  return state.boxOrder.find((id) => state.boxes[id]?.state === 'online') ?? state.boxOrder[0] ?? null;
}

export interface BoxProblems {
  /** Messages by field name as the box named them (`text`, `shortcut`, `entries[0].name` → `name`). */
  fields: Record<string, string>;
  /** What is not tied to one field (conflict, not found, offline). */
  general: string | null;
}

/** The box's error as the operator reads it; its strings are shown as text, never as markup. */
export function boxProblemsOf(error: unknown): BoxProblems {
  if (!(error instanceof RequestFailed)) return { fields: {}, general: error instanceof Error ? error.message : String(error) };
  const fields: Record<string, string> = {};
  for (const problem of error.error.problems ?? []) {
    const field = problem.field.replace(/^.*\./, '').replace(/\[\d+\]$/, '');
    fields[field] ??= problem.message;
  }
  return { fields, general: Object.keys(fields).length > 0 ? null : error.error.message };
}

/** One line for places without fields (a menu, a file import): the box's whole message, which names the culprit. */
export function boxMessageOf(error: unknown): string {
  if (error instanceof RequestFailed) return error.error.message;
  return error instanceof Error ? error.message : String(error);
}
