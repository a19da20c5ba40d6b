// RFC 4180 parsing and writing: byte-exact fixtures for quotes, newlines in fields, BOM, line numbers and errors.
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csvCodec.ts';

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes and line breaks inside fields, keeping each record\'s first line', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nplain,,"last\nline"\nend,"",\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b', 'c'] },
        { line: 2, fields: ['x, y', 'say "hi"', 'two\r\nlines'] },
        { line: 5, fields: ['plain', '', 'last\nline'] },
        { line: 7, fields: ['end', '', ''] },
      ],
    });
  });

  it('reads the last record without a final line break, and CJK text as is', () => {
    expect(parseCsv('问候,,您好，在的')).toEqual({ ok: true, records: [{ line: 1, fields: ['问候', '', '您好，在的'] }] });
    expect(parseCsv('""')).toEqual({ ok: true, records: [{ line: 1, fields: [''] }] });
    expect(parseCsv('')).toEqual({ ok: true, records: [] });
  });

  it('names the line of an unclosed quote or a stray quote', () => {
    expect(parseCsv('a,b\n"open,\nmore')).toEqual({ ok: false, line: 2, message: 'a quoted field is not closed' });
    expect(parseCsv('a,b\nx,"q"z\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,b\nx,5"\n')).toMatchObject({ ok: false, line: 2 });
  });
});

describe('formatCsv', () => {
  it('quotes only what needs it and round-trips through the parser', () => {
    const rows = [['category', 'title', 'text'], ['问候', '', '您好\n请问有什么可以帮您？'], ['x', 'a "b"', ' lead, trail ']];
    const text = formatCsv(rows);
    expect(text).toBe('\uFEFFcategory,title,text\r\n问候,,"您好\n请问有什么可以帮您？"\r\nx,"a ""b""", lead, trail \r\n'.replace(' lead, trail ', '" lead, trail "'));
    const parsed = parseCsv(text);
    expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual(rows);
  });
});
