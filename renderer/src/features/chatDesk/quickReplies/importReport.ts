// What the import shows: the file's format from its name, and the box's report as lines an operator can act on.
import type { WireImportReport } from '../../../../../native-bridge/protocol/chatDeskMessages.ts';

export type ReplyFileFormat = 'csv' | 'json';

/** The format by the file's extension; anything else is refused before it is read. */
export function replyFileFormat(fileName: string): ReplyFileFormat | null {
  const match = /\.(csv|json)$/i.exec(fileName.trim());
  return match ? (match[1]!.toLowerCase() as ReplyFileFormat) : null;
}

export interface ImportReportView {
  imported: number;
  rejectedCount: number;
  /** Rows in file order, each with the field the box named and its message. */
  rows: { row: number; field: string; message: string }[];
  tone: 'ok' | 'partial' | 'none';
}

export function importReportView(report: WireImportReport): ImportReportView {
  const rows = [...report.rejected].sort((a, b) => a.row - b.row);
  const tone = rows.length === 0 ? 'ok' : report.imported > 0 ? 'partial' : 'none';
  return { imported: report.imported, rejectedCount: rows.length, rows, tone };
}

/** The export's file name: `phonewall-replies-20261122-1042.csv`, local time. */
export function exportFileName(format: ReplyFileFormat, at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `phonewall-replies-${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}.${format}`;
}
