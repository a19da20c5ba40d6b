// Quick-reply files: CSV (header category,title,text,shortcut) and JSON (array of objects), read into rows and written
// back. CSV is read and written by the csv-parse / csv-stringify packages; what is ours is the row numbering a
// spreadsheet user sees and the file-level problems in plain words.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { BoxError, messageOf } from '../base/boxError.ts';
import type { ImportReport, ImportRow, QuickReplies, QuickReplyContent } from './quickReplies.ts';

export const QuickReplyFileLimits = { bytes: 2 * 1024 * 1024, rows: 5000 } as const;
export const QuickReplyCsvColumns = ['category', 'title', 'text', 'shortcut'] as const;
export type QuickReplyFileFormat = 'csv' | 'json';

type Column = (typeof QuickReplyCsvColumns)[number];
const isColumn = (name: string): name is Column => (QuickReplyCsvColumns as readonly string[]).includes(name);

export interface CsvRecord {
  /** 1-based line of the file on which this record starts (what a spreadsheet user sees). */
  line: number;
  fields: string[];
}

const csvProblems: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed',
  CSV_INVALID_CLOSING_QUOTE: 'text after a closing quote (write a quote inside a quoted field as "")',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field (quote the whole field and double the quote)',
};

/** The first line after `line` that is not empty: where the record that follows a record ending on `line` starts. */
function nextRecordLine(lines: readonly string[], line: number): number {
  let next = line + 1;
  while (next <= lines.length && lines[next - 1] === '') next += 1;
  return next;
}

/**
 * Every record of a CSV text with the line it starts on; blank lines are skipped. Line breaks are read as `\n`
 * (CRLF and lone CR too): a reply's text keeps its lines either way, as the reply rules store them as `\n`.
 */
export function readCsvRecords(input: string): CsvRecord[] {
  const text = input.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  let lastEnd = 0;
  try {
    const rows = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      raw: true,
      on_record: (record, context) => {
        lastEnd = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    return rows.map(({ record, raw, info }) => {
      // `lines` is where the record ends; its own line breaks (quoted ones) say how far up it starts.
      const own = raw.replace(/^\n+/, '').replace(/\n$/, '');
      return { line: info.lines - (own.match(/\n/g)?.length ?? 0), fields: record };
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    throw BoxError.invalid([{ field: `line ${nextRecordLine(lines, lastEnd)}`, message: csvProblems[code] ?? messageOf(error) }]);
  }
}

/** Records after the header become rows numbered by the file line on which each record starts. */
export function readQuickReplyCsv(text: string): ImportRow[] {
  const [header, ...records] = readCsvRecords(text);
  if (!header) throw BoxError.invalid([{ field: 'file', message: `the file is empty: it needs the header ${QuickReplyCsvColumns.join(',')}` }]);
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const unknown = columns.filter((name) => !isColumn(name));
  const missing = (['category', 'text'] as const).filter((name) => !columns.includes(name));
  if (unknown.length > 0 || missing.length > 0 || new Set(columns).size !== columns.length) {
    throw BoxError.invalid([{ field: `line ${header.line}`, message: `the header must name the columns ${QuickReplyCsvColumns.join(',')} (category and text required, each once)` }]);
  }
  if (records.length > QuickReplyFileLimits.rows) throw BoxError.invalid([{ field: 'file', message: `at most ${QuickReplyFileLimits.rows} rows per file` }]);
  return records.map((record) => {
    if (record.fields.length !== columns.length) {
      return { row: record.line, data: null, problem: { field: '(row)', message: `${record.fields.length} fields, the header has ${columns.length}` } };
    }
    const data: Record<string, string> = {};
    columns.forEach((column, i) => (data[column] = record.fields[i] ?? ''));
    return { row: record.line, data };
  });
}

/** A JSON array of objects; row numbers are the array index + 1. */
export function readQuickReplyJson(text: string): ImportRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    throw BoxError.invalid([{ field: 'file', message: `not valid JSON (${messageOf(error)})` }]);
  }
  if (!Array.isArray(value)) throw BoxError.invalid([{ field: 'file', message: 'expected a JSON array of {category, title, text, shortcut} objects' }]);
  if (value.length > QuickReplyFileLimits.rows) throw BoxError.invalid([{ field: 'file', message: `at most ${QuickReplyFileLimits.rows} rows per file` }]);
  return value.map((data: unknown, i) => ({ row: i + 1, data }));
}

/** Reads a file of either format and imports its good rows; a file that cannot be read at all is one error. */
export function importQuickReplies(replies: QuickReplies, format: QuickReplyFileFormat, bytes: Uint8Array | string): ImportReport {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  if (size > QuickReplyFileLimits.bytes) throw BoxError.invalid([{ field: 'file', message: `the file is larger than ${QuickReplyFileLimits.bytes / 1024 / 1024} MiB` }]);
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw BoxError.invalid([{ field: 'file', message: 'the file is not UTF-8 text (save it as "CSV UTF-8")' }]);
  }
  return replies.importRows(format === 'csv' ? readQuickReplyCsv(text) : readQuickReplyJson(text));
}

/** CRLF records with a BOM first (so spreadsheet apps read UTF-8); fields with a comma, quote, line break or an
 * edge space are quoted. */
export function formatQuickReplyCsv(content: readonly QuickReplyContent[]): string {
  const rows = [[...QuickReplyCsvColumns], ...content.map((r) => [r.category, r.title ?? '', r.text, r.shortcut ?? ''])];
  return stringify(rows, { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]|^\s|\s$/ });
}

export function formatQuickReplyJson(content: readonly QuickReplyContent[]): string {
  return `${JSON.stringify(content, null, 2)}\n`;
}
