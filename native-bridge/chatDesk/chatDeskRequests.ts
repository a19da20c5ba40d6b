// The chat desk's request handlers (device book, quick replies, needs-attention) and its wire copies of records.
import type { Handlers } from '../base/boxFeature.ts';
import { BoxError } from '../base/boxError.ts';
import type { ChatDeskResultMap, WireDeviceBook, WireQuickReply } from '../protocol/chatDeskMessages.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { AttentionMonitor } from './attentionMonitor.ts';
import type { DeviceBook, DeviceBookSnapshot } from './deviceBook.ts';
import type { QuickReplies, QuickReply } from './quickReplies.ts';
import { formatQuickReplyCsv, formatQuickReplyJson, importQuickReplies } from './quickReplyTransfer.ts';

/** Which of these saved groups a live posting schedule targets, with that schedule's id. */
export type GroupsInUse = (groupIds: readonly string[]) => { groupId: string; scheduleId: string }[];

export interface ChatDeskParts {
  book: DeviceBook;
  replies: QuickReplies;
  attention: AttentionMonitor;
  groupsInUse: GroupsInUse;
}

export function wireDeviceBook(book: DeviceBookSnapshot): WireDeviceBook {
  return {
    entries: book.entries.map(({ deviceId, name, note, tags, updatedAt }) => ({ deviceId, name, note, tags: [...tags], updatedAt })),
    groups: book.groups.map(({ id, name, deviceIds, updatedAt }) => ({ id, name, deviceIds: [...deviceIds], updatedAt })),
  };
}

export function wireQuickReply(reply: QuickReply): WireQuickReply {
  const { id, category, title, text, position, shortcut, createdAt, updatedAt } = reply;
  return { id, category, title, text, position, shortcut, createdAt, updatedAt };
}

/** Optional wire fields are left out rather than sent as `undefined` (the stores' schemas are strict). */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A group a live posting schedule targets is kept: deleting it would silently take phones out of that schedule. */
function refuseIfScheduled(groupsInUse: GroupsInUse, groupIds: readonly string[]): void {
  const used = groupsInUse(groupIds);
  if (used.length === 0) return;
  const problems = used.map(({ groupId, scheduleId }) => ({
    field: `deleteGroups[${groupIds.indexOf(groupId)}]`,
    message: `group ${groupId} is targeted by schedule ${scheduleId}; cancel that schedule first`,
  }));
  throw new BoxError(ErrorCode.Conflict, problems.map((p) => p.message).join('; '), { problems });
}

export function chatDeskHandlers({ book, replies, attention, groupsInUse }: ChatDeskParts): Handlers<keyof ChatDeskResultMap> {
  return {
    getDeviceBook: () => wireDeviceBook(book.list()),
    updateDeviceBook: (message) => {
      refuseIfScheduled(groupsInUse, message.deleteGroups ?? []);
      const change = { entries: message.entries?.map(defined), groups: message.groups?.map(defined), deleteGroups: message.deleteGroups };
      return wireDeviceBook(book.apply(defined(change)));
    },
    selectDevices: (message) => ({ deviceIds: book.select(defined({ groupIds: message.groupIds, tags: message.tags })) }),
    listQuickReplies: (message) => ({ replies: replies.list(message.category).map(wireQuickReply), categories: replies.categories() }),
    searchQuickReplies: (message) => ({ replies: replies.search(message.query).map(wireQuickReply) }),
    createQuickReply: (message) => ({ reply: wireQuickReply(replies.create(defined(message.reply))) }),
    updateQuickReply: (message) => ({ reply: wireQuickReply(replies.update(message.replyId, defined(message.patch))) }),
    deleteQuickReply: (message) => {
      replies.delete(message.replyId);
      return {};
    },
    reorderQuickReplies: (message) => {
      replies.reorder(message.ids);
      return { replies: replies.list().map(wireQuickReply) };
    },
    importQuickReplies: (message) => importQuickReplies(replies, message.format, message.content),
    exportQuickReplies: (message) => {
      const content = replies.exportContent();
      return { format: message.format, content: message.format === 'csv' ? formatQuickReplyCsv(content) : formatQuickReplyJson(content) };
    },
    listAttention: () => ({ attention: attention.state().map(({ deviceId, since }) => ({ deviceId, since })) }),
    clearAttention: (message) => {
      attention.clear(message.deviceId);
      return {};
    },
  };
}
