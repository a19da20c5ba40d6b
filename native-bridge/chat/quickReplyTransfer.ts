// Quick-reply files: CSV (header category,title,text,shortcut) and JSON (array of objects), read into rows and written back.
import { badRequest, ok, type ChatResult } from './chatResult.ts';
import { formatCsv, parseCsv } from './csvCodec.ts';
import type { ImportReport, ImportRow, QuickReplies, QuickReplyContent } from './quickReplies.ts';

export const QuickReplyFileLimits = { bytes: 2 * 1024 * 1024, rows: 5000 } as const;
export const QuickReplyCsvColumns = ['category', 'title', 'text', 'shortcut'] as const;
export type QuickReplyFileFormat = 'csv' | 'json';

type Column = (typeof QuickReplyCsvColumns)[number];
const isColumn = (name: string): name is Column => (QuickReplyCsvColumns as readonly string[]).includes(name);

/** Records after the header become rows numbered by the file line on which each record starts. */
export function readQuickReplyCsv(text: string): ChatResult<ImportRow[]> {
  const parsed = parseCsv(text);
  if (!parsed.ok) return badRequest([{ field: `line ${parsed.line}`, message: parsed.message }]);
  const [header, ...records] = parsed.records;
  if (!header) return badRequest([{ field: 'file', message: `the file is empty: it needs the header ${QuickReplyCsvColumns.join(',')}` }]);
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const unknown = columns.filter((name) => !isColumn(name));
  const missing = (['category', 'text'] as const).filter((name) => !columns.includes(name));
  if (unknown.length > 0 || missing.length > 0 || new Set(columns).size !== columns.length) {
    return badRequest([{ field: `line ${header.line}`, message: `the header must name the columns ${QuickReplyCsvColumns.join(',')} (category and text required, each once)` }]);
  }
  if (records.length > QuickReplyFileLimits.rows) return badRequest([{ field: 'file', message: `at most ${QuickReplyFileLimits.rows} rows per file` }]);
  return ok(
    records.map((record) => {
      if (record.fields.length !== columns.length) {
        return { row: record.line, data: null, problem: { field: '(row)', message: `${record.fields.length} fields, the header has ${columns.length}` } };
      }
      const data: Record<string, string> = {};
      columns.forEach((column, i) => (data[column] = record.fields[i] ?? ''));
      return { row: record.line, data };
    }),
  );
}

/** A JSON array of objects; row numbers are the array index + 1. */
export function readQuickReplyJson(text: string): ChatResult<ImportRow[]> {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return badRequest([{ field: 'file', message: `not valid JSON (${(error as Error).message})` }]);
  }
  if (!Array.isArray(value)) return badRequest([{ field: 'file', message: 'expected a JSON array of {category, title, text, shortcut} objects' }]);
  if (value.length > QuickReplyFileLimits.rows) return badRequest([{ field: 'file', message: `at most ${QuickReplyFileLimits.rows} rows per file` }]);
  return ok(value.map((data: unknown, i) => ({ row: i + 1, data })));
}

/** Reads a file of either format and imports its good rows; a file that cannot be read at all is one error. */
export function importQuickReplies(replies: QuickReplies, format: QuickReplyFileFormat, bytes: Uint8Array | string): ChatResult<ImportReport> {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > QuickReplyFileLimits.bytes) return badRequest([{ field: 'file', message: `the file is larger than ${QuickReplyFileLimits.bytes / 1024 / 1024} MiB` }]);
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return badRequest([{ field: 'file', message: 'the file is not UTF-8 text (save it as "CSV UTF-8")' }]);
  }
  const rows = format === 'csv' ? readQuickReplyCsv(text) : readQuickReplyJson(text);
  if (!rows.ok) return rows;
  return ok(replies.importRows(rows.value));
}

export function formatQuickReplyCsv(content: readonly QuickReplyContent[]): string {
  return formatCsv([[...QuickReplyCsvColumns], ...content.map((r) => [r.category, r.title ?? '', r.text, r.shortcut ?? ''])]);
}

export function formatQuickReplyJson(content: readonly QuickReplyContent[]): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}
