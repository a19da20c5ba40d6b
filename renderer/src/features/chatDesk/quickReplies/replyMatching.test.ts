// Palette matching of quick replies: shortcut, title, anywhere; categories; reordering.
import { describe, expect, it } from 'vitest';
import type { WireQuickReply } from '../../../../../native-bridge/protocol/chatDeskMessages.ts';
import { completeShortcut, matchReplies, replyCategories, reorderedIds } from './replyMatching.ts';

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

  it('completes a /shortcut draft to the best matching reply, and leaves other drafts alone', () => {
    expect(completeShortcut(library, '/welcome')).toBe('您好，欢迎光临！');
    expect(completeShortcut(library, '/nosuch')).toBeNull();
    expect(completeShortcut(library, 'welcome')).toBeNull();
  });
});
