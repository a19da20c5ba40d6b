// Unit: palette matching and ordering of quick replies, import report model and file naming.
import { describe, expect, it } from 'vitest';
import type { WireQuickReply } from '../../native-bridge/protocol/chatDeskMessages.ts';
import { exportFileName, importReportView, replyFileFormat } from '../../renderer/src/features/chatDesk/quickReplies/importReport.ts';
import { matchReplies, replyCategories, reorderedIds } from '../../renderer/src/features/chatDesk/quickReplies/replyMatching.ts';

let serial = 0;
const reply = (category: string, text: string, title: string | null = null, shortcut: string | null = null): WireQuickReply => ({
  id: `r${++serial}`, category, title, text, position: 0, shortcut, createdAt: 0, updatedAt: 0,
});

const library = [
  reply('问候', '您好，欢迎光临！', '欢迎', '/welcome'),
  reply('问候', '晚上好，今天有新品到店', '晚安', '/we'),
  reply('售后', '订单已发货，预计明天送达', '发货', '/ship'),
  reply('售后', 'Welcome back! Your refund is on its way', 'Refund'),
];

describe('palette matching', () => {
  it('a /query matches shortcuts only: exact first, then prefixes in library order', () => {
    expect(matchReplies(library, '/we').map((r) => r.shortcut)).toEqual(['/we', '/welcome']);
    expect(matchReplies(library, '/WELC').map((r) => r.title)).toEqual(['欢迎']);
    expect(matchReplies(library, '/refund')).toEqual([]);
  });

  it('words rank a shortcut before a title before text before category', () => {
    expect(matchReplies(library, 'welcome').map((r) => r.title)).toEqual(['欢迎', 'Refund']);
    expect(matchReplies(library, '发货').map((r) => r.title)).toEqual(['发货']);
    expect(matchReplies(library, '新品').map((r) => r.title)).toEqual(['晚安']);
    expect(matchReplies(library, '售后').map((r) => r.title)).toEqual(['发货', 'Refund']);
    expect(matchReplies(library, '  ')).toHaveLength(4);
    expect(matchReplies(library, '', 2)).toHaveLength(2);
  });

  it('lists categories in order and reorders within one category', () => {
    expect(replyCategories(library)).toEqual(['问候', '售后']);
    const [first, second, third, fourth] = library.map((r) => r.id);
    expect(reorderedIds(library, second!, 0)).toEqual([second, first]);
    expect(reorderedIds(library, third!, 5)).toEqual([fourth, third]);
    expect(reorderedIds(library, first!, -1)).toBeNull();
    expect(reorderedIds(library, 'nope', 0)).toBeNull();
  });
});

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
