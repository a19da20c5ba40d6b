// Palette matching: which quick replies a typed query picks, best first (shortcut, then title, then anywhere).
import type { WireQuickReply } from '../../../../../native-bridge/protocol/chatDeskMessages.ts';

function rank(reply: WireQuickReply, needle: string): number | null {
  const shortcut = reply.shortcut?.toLocaleLowerCase() ?? '';
  const title = reply.title?.toLocaleLowerCase() ?? '';
  if (needle.startsWith('/')) {
    if (shortcut === needle) return 0;
    if (shortcut.startsWith(needle)) return 1;
    return null;
  }
  if (shortcut === `/${needle}`) return 0;
  if (shortcut.startsWith(`/${needle}`)) return 1;
  if (title.startsWith(needle)) return 2;
  if (title.includes(needle)) return 3;
  if (reply.text.toLocaleLowerCase().includes(needle)) return 4;
  if (reply.category.toLocaleLowerCase().includes(needle)) return 5;
  return null;
}

/**
 * Replies matching `query` (trimmed, case-insensitive), best first and in library order within a rank. A query that
 * starts with `/` matches shortcuts only, so `/wel` in a text box means the shortcut, never a text containing it.
 */
export function matchReplies(replies: readonly WireQuickReply[], query: string, limit = 50): WireQuickReply[] {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return replies.slice(0, limit);
  const ranked: { reply: WireQuickReply; rank: number; index: number }[] = [];
  replies.forEach((reply, index) => {
    const value = rank(reply, needle);
    if (value !== null) ranked.push({ reply, rank: value, index });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.index - b.index).slice(0, limit).map((item) => item.reply);
}

/** Categories in the order their first reply appears. */
export function replyCategories(replies: readonly WireQuickReply[]): string[] {
  return [...new Set(replies.map((reply) => reply.category))];
}

/** The ids of one category after moving `id` by `delta` places (for up/down and drag). */
export function reorderedIds(replies: readonly WireQuickReply[], id: string, toIndex: number): string[] | null {
  const reply = replies.find((candidate) => candidate.id === id);
  if (!reply) return null;
  const ids = replies.filter((candidate) => candidate.category === reply.category).map((candidate) => candidate.id);
  const from = ids.indexOf(id);
  const to = Math.max(0, Math.min(ids.length - 1, toIndex));
  if (from === to) return null;
  ids.splice(from, 1);
  ids.splice(to, 0, id);
  return ids;
}

/** `/shortcut` + Tab (or Enter) in a text box takes the best matching reply's text instead of sending the draft. */
export function completeShortcut(replies: readonly WireQuickReply[], draft: string): string | null {
  return draft.startsWith('/') ? (matchReplies(replies, draft, 1)[0]?.text ?? null) : null;
}
