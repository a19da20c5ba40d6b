// RFC 4180 CSV reading and writing (quoted fields with commas, quotes and newlines; UTF-8 BOM tolerated).
// Hand-written because no CSV package is among the project's dependencies; the format is small and fully tested.

export interface CsvRecord {
  /** 1-based line of the file on which this record starts (what a spreadsheet user sees). */
  line: number;
  fields: string[];
}

export type CsvParseResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Parses the whole text. Blank lines are skipped; a record keeps the line where it starts. */
export function parseCsv(input: string): CsvParseResult {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let endOfRecord = false;
    let quoted = false;
    while (!endOfRecord) {
      if (text[i] === '"') {
        quoted = true;
        i += 1;
        for (;;) {
          if (i >= text.length) return { ok: false, line: start, message: 'a quoted field is not closed' };
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            break;
          }
          if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
          field += ch;
          i += 1;
        }
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          return { ok: false, line, message: 'text after a closing quote (write a quote inside a quoted field as "")' };
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') return { ok: false, line, message: 'a quote inside an unquoted field (quote the whole field and double the quote)' };
          field += text[i];
          i += 1;
        }
      }
      fields.push(field);
      field = '';
      const sep = text[i];
      if (sep === ',') {
        i += 1;
      } else {
        // End of line or of the text: CRLF, LF or a lone CR all end a record.
        if (sep === '\r') i += text[i + 1] === '\n' ? 2 : 1;
        else if (sep === '\n') i += 1;
        if (sep !== undefined) line += 1;
        endOfRecord = true;
      }
    }
    // An empty line parses as one empty field; a line holding only `""` is a real (empty) record.
    const blank = fields.length === 1 && fields[0] === '' && !quoted;
    if (!blank) records.push({ line: start, fields });
  }
  return { ok: true, records };
}

/** One field, quoted when it holds a comma, quote, CR or LF, or starts/ends with a space. */
export function formatCsvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Records joined with CRLF (RFC 4180), ending with a line break; a BOM first so spreadsheet apps read UTF-8. */
export function formatCsv(rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  const body = rows.map((row) => row.map(formatCsvField).join(',')).join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}
