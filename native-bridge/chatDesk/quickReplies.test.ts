// Quick replies in a real SQLite file: CRUD, limits, shortcuts, Chinese search, reorder, CSV/JSON import and export.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type BetterSqlite3 from 'better-sqlite3';
import { refusalOf as failure } from '../testing/refusal.ts';
import { openDatabase } from '../store/database.ts';
import { QuickReplies, type QuickReply } from './quickReplies.ts';
import { formatQuickReplyCsv, formatQuickReplyJson, importQuickReplies } from './quickReplyTransfer.ts';

let dir: string;
let clock: number;
let ids: number;
const handles: BetterSqlite3.Database[] = [];
const open = (file = 'box.db') => {
  const handle = openDatabase(join(dir, file));
  handles.push(handle);
  return new QuickReplies({ db: handle, now: () => clock, newId: () => `r${++ids}` });
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pw-replies-'));
  clock = 1_000;
  ids = 0;
});
afterEach(() => {
  for (const handle of handles.splice(0)) handle.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('QuickReplies', () => {
  it('creates, updates and deletes replies, with positions per category and change events', () => {
    const replies = open();
    let changes = 0;
    replies.onChange(() => (changes += 1));
    const hi = replies.create({ category: '问候', title: '开场', text: '您好，在的！请问有什么可以帮您？😊', shortcut: '/hi' });
    replies.create({ category: '问候', text: '稍等，我帮您查一下' });
    replies.create({ category: 'After-sales', text: 'Refunds take 3-5 days.', title: '' });
    expect(hi).toEqual({ id: 'r1', category: '问候', title: '开场', text: '您好，在的！请问有什么可以帮您？😊', position: 0, shortcut: '/hi', createdAt: 1_000, updatedAt: 1_000 });
    expect(replies.list('问候').map((r) => [r.id, r.position])).toEqual([['r1', 0], ['r2', 1]]);
    expect(replies.categories()).toEqual(['After-sales', '问候']);
    clock = 2_000;
    const moved = replies.update('r1', { category: 'After-sales', shortcut: null });
    expect(moved).toMatchObject({ category: 'After-sales', position: 1, shortcut: null, title: '开场', updatedAt: 2_000, createdAt: 1_000 });
    replies.delete('r2');
    expect(replies.get('r2')).toBeNull();
    expect(failure(() => replies.delete('r2'))).toMatchObject({ code: 'not_found' });
    expect(failure(() => replies.update('nope', { text: 'x' }))).toMatchObject({ code: 'not_found' });
    expect(replies.list().map((r) => r.id)).toEqual(['r3', 'r1']);
    expect(changes).toBe(5);
  });

  it('refuses empty, over-long, duplicate and badly shaped replies with the field named', () => {
    const replies = open();
    replies.create({ category: '问候', text: '在的', shortcut: '/hi' });
    const problems = (input: unknown) => failure(() => replies.create(input)).problems?.map((p) => p.field);
    expect(problems({ category: '问候', text: '   ' })).toEqual(['text']);
    expect(problems({ category: '问候', text: '字'.repeat(1001) })).toEqual(['text']);
    expect(problems({ category: '', text: 'x' })).toEqual(['category']);
    expect(problems({ category: 'c', text: 'x', shortcut: 'hi' })).toEqual(['shortcut']);
    expect(problems({ category: 'c', text: 'x', color: 'red' })).toEqual(['(input)']);
    expect(problems({ category: '问候', text: ' 在的 ' })).toEqual(['text']);
    expect(problems({ category: 'c', text: 'y', shortcut: '/HI' })).toEqual(['shortcut']);
    expect(replies.list()).toHaveLength(1);
    expect(replies.create({ category: 'c', text: '字'.repeat(1000) }).text).toHaveLength(1000);
  });

  it('searches case-insensitively over title, text, category and shortcut, Chinese substrings included', () => {
    const replies = open();
    replies.create({ category: '售后', title: '退款说明', text: '退款会在3-5个工作日内原路返回。' });
    replies.create({ category: '问候', text: '晚上好，今天有新品到店', shortcut: '/Evening' });
    replies.create({ category: 'English', title: 'Shipping', text: 'We ship within 24 HOURS.' });
    const texts = (q: string) => replies.search(q).map((r: QuickReply) => r.text);
    expect(texts('新品')).toEqual(['晚上好，今天有新品到店']);
    expect(texts('原路')).toEqual(['退款会在3-5个工作日内原路返回。']);
    expect(texts('退款说明')).toEqual(['退款会在3-5个工作日内原路返回。']);
    expect(texts('售后')).toHaveLength(1);
    expect(texts('hours')).toEqual(['We ship within 24 HOURS.']);
    expect(texts('/evening')).toEqual(['晚上好，今天有新品到店']);
    expect(texts('不存在')).toEqual([]);
    expect(texts('')).toHaveLength(3);
  });

  it('reorders in one transaction; an unknown id changes nothing', () => {
    const replies = open();
    for (const text of ['一', '二', '三']) replies.create({ category: 'a', text });
    replies.create({ category: 'b', text: '四' });
    replies.reorder(['r3', 'r4', 'r1', 'r2']);
    expect(replies.list('a').map((r) => r.text)).toEqual(['三', '一', '二']);
    expect(failure(() => replies.reorder(['r2', 'r1', 'missing']))).toMatchObject({ code: 'not_found' });
    expect(failure(() => replies.reorder(['r2', 'r2']))).toMatchObject({ code: 'invalid' });
    expect(replies.list('a').map((r) => r.text)).toEqual(['三', '一', '二']);
  });

  it('imports a CSV file with exactly 2 bad rows: reports them by line and field, imports the rest', () => {
    const replies = open();
    replies.create({ category: '问候', text: '已有的话术' });
    const csv = [
      '\uFEFFcategory,title,text,shortcut',
      '问候,开场,"您好，在的！\n请问有什么可以帮您？",/hi',
      '售后,,"他说""马上到""",',
      '售后,超长,' + '长'.repeat(1001) + ',',
      'English,Sizes,"S, M, L and XL",/size',
      '问候,,已有的话术,',
      '',
      '问候,结束,感谢您的耐心等待,/bye',
    ].join('\r\n');
    const report = importQuickReplies(replies, 'csv', new TextEncoder().encode(csv));
    expect(report).toEqual({
      imported: 4,
      rejected: [
        { row: 5, field: 'text', message: 'text is longer than 1000 characters' },
        { row: 7, field: 'text', message: 'duplicate: the category "问候" already has this text' },
      ],
    });
    expect(replies.list('问候').map((r) => r.text)).toEqual(['已有的话术', '您好，在的！\n请问有什么可以帮您？', '感谢您的耐心等待']);
    expect(replies.search('马上到').map((r) => r.text)).toEqual(['他说"马上到"']);
  });

  it('imports a JSON file with exactly 2 bad rows, numbered by array position', () => {
    const replies = open();
    const json = JSON.stringify([
      { category: '问候', title: '开场', text: '您好', shortcut: '/hi' },
      { category: '问候', text: '' },
      { category: '售后', text: '请提供订单号', title: null, shortcut: null },
      { category: '售后', text: '已为您登记', shortcut: '/hi' },
      { category: 'English', text: 'Thanks!' },
    ]);
    const report = importQuickReplies(replies, 'json', json);
    expect(report.imported).toBe(3);
    expect(report.rejected).toEqual([
      { row: 2, field: 'text', message: 'text is empty' },
      { row: 4, field: 'shortcut', message: 'the shortcut /hi is already used by another reply' },
    ]);
    expect(failure(() => importQuickReplies(replies, 'json', '{"not":"an array"}'))).toMatchObject({ code: 'invalid' });
    expect(failure(() => importQuickReplies(replies, 'csv', 'category,body\nx,y\n'))).toMatchObject({ code: 'invalid' });
    expect(failure(() => importQuickReplies(replies, 'csv', new Uint8Array([0xff, 0xfe, 0x00])))).toMatchObject({ code: 'invalid' });
  });

  it('exports CSV and JSON that import back into an empty box as the same library', () => {
    const replies = open();
    replies.create({ category: '问候', title: '开场 "A"', text: '您好，在的！\n请问, 有什么可以帮您？', shortcut: '/hi' });
    replies.create({ category: '问候', text: '  前后有空格的不保留  ' });
    replies.create({ category: 'English', title: 'Sizes', text: 'S, M, L\r\nand "XL"' });
    replies.reorder(['r2', 'r1']);
    const content = replies.exportContent();
    for (const [format, file] of [['csv', formatQuickReplyCsv(content)], ['json', formatQuickReplyJson(content)]] as const) {
      const copy = open(`copy-${format}.db`);
      expect(importQuickReplies(copy, format, file)).toEqual({ imported: 3, rejected: [] });
      expect(copy.exportContent()).toEqual(content);
      expect(copy.list().map((r) => r.position)).toEqual(replies.list().map((r) => r.position));
    }
  });

  it('keeps the library across a reopen of the database', () => {
    const replies = open();
    replies.create({ category: '问候', text: '您好', shortcut: '/hi' });
    const before = replies.list();
    const reopened = open();
    expect(reopened.list()).toEqual(before);
  });
});
