// Quick-reply files: the format from the name, the import report as lines, the export name.
import { describe, expect, it } from 'vitest';
import { exportFileName, importReportView, replyFileFormat } from './importReport.ts';

describe('import and export files', () => {
  it('takes the format from the extension', () => {
    expect(replyFileFormat('话术.CSV')).toBe('csv');
    expect(replyFileFormat('replies.json')).toBe('json');
    expect(replyFileFormat('replies.txt')).toBeNull();
  });

  it('shows the imported count and every rejected row in file order', () => {
    const view = importReportView({
      imported: 3,
      rejected: [
        { row: 7, field: 'shortcut', message: 'the shortcut /a is already used by another reply' },
        { row: 3, field: 'text', message: 'text is longer than 1000 characters' },
      ],
    });
    expect(view).toEqual({
      imported: 3,
      rejectedCount: 2,
      tone: 'partial',
      rows: [
        { row: 3, field: 'text', message: 'text is longer than 1000 characters' },
        { row: 7, field: 'shortcut', message: 'the shortcut /a is already used by another reply' },
      ],
    });
    expect(importReportView({ imported: 0, rejected: [{ row: 2, field: 'text', message: 'x' }] }).tone).toBe('none');
    expect(importReportView({ imported: 2, rejected: [] }).tone).toBe('ok');
  });

  it('names the export with the local date and time', () => {
    expect(exportFileName('csv', new Date(2026, 10, 22, 9, 5))).toBe('phonewall-replies-20261122-0905.csv');
  });
});
