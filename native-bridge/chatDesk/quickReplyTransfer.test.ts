// Quick-reply files: CSV records keep the line a spreadsheet user sees (quoted commas, quotes and line breaks,
// BOM, blank lines), file errors name their line, and what is written reads back the same.
import { describe, expect, it } from 'vitest';
import { formatQuickReplyCsv, readCsvRecords } from './quickReplyTransfer.ts';

const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { code: string; problems: unknown }).problems;
  }
  throw new Error('expected a problem');
};

describe('readCsvRecords', () => {
  it('reads quoted commas, doubled quotes and line breaks inside fields, keeping each record\'s first line', () => {
    const text = '\uFEFFa,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\n\r\nplain,,"last\nline"\nend,"",\n';
    expect(readCsvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['plain', '', 'last\nline'] },
      { line: 7, fields: ['end', '', ''] },
    ]);
  });

  it('reads the last record without a final line break, and CJK text as is', () => {
    expect(readCsvRecords('问候,,您好，在的')).toEqual([{ line: 1, fields: ['问候', '', '您好，在的'] }]);
    expect(readCsvRecords('""')).toEqual([{ line: 1, fields: [''] }]);
    expect(readCsvRecords('')).toEqual([]);
  });

  it('names the line of an unclosed quote or a stray quote, as invalid', () => {
    expect(problemOf(() => readCsvRecords('a,b\n"open,\nmore'))).toEqual([{ field: 'line 2', message: 'a quoted field is not closed' }]);
    expect(problemOf(() => readCsvRecords('a,b\nx,"q"z\n'))).toMatchObject([{ field: 'line 2' }]);
    expect(problemOf(() => readCsvRecords('a,b\nx,5"\n'))).toMatchObject([{ field: 'line 2' }]);
    expect(problemOf(() => readCsvRecords('a,b\n\n\n"x\n'))).toMatchObject([{ field: 'line 4' }]);
  });
});

describe('formatQuickReplyCsv', () => {
  it('quotes only what needs it and reads back through the reader', () => {
    const content = [
      { category: '问候', title: null, text: '您好\n请问有什么可以帮您？', shortcut: '/hi' },
      { category: 'x', title: 'a "b"', text: ' lead, trail ', shortcut: null },
    ];
    const text = formatQuickReplyCsv(content);
    expect(text).toBe('\uFEFFcategory,title,text,shortcut\r\n问候,,"您好\n请问有什么可以帮您？",/hi\r\nx,"a ""b"""," lead, trail ",\r\n');
    expect(readCsvRecords(text).map((record) => record.fields)).toEqual([
      ['category', 'title', 'text', 'shortcut'],
      ['问候', '', '您好\n请问有什么可以帮您？', '/hi'],
      ['x', 'a "b"', ' lead, trail ', ''],
    ]);
  });
});
