// Executes validated chat-tools requests (device book, quick replies, needs-attention) against the box's chat tools.
import { DateTime } from 'luxon';
import type { ChatResult } from '../chat/chatResult.ts';
import type { DeviceBookSnapshot } from '../chat/deviceBook.ts';
import type { QuickReply } from '../chat/quickReplies.ts';
import { formatQuickReplyCsv, formatQuickReplyJson, importQuickReplies } from '../chat/quickReplyTransfer.ts';
import { CHAT_DESK_REQUEST_SCHEMAS } from '../protocol/chatDeskMessages.ts';
import type { ChatDeskResultMap, WireDeviceBook, WireQuickReply } from '../protocol/chatDeskMessages.ts';
import type { ClientMessage } from '../protocol/clientMessages.ts';
import { ErrorCode } from '../protocol/errorCodes.ts';
import type { BoxChatTools } from './boxChatTools.ts';
import { RequestError } from './errorMapping.ts';
import { schedulesUsingGroups } from './groupScheduleGuard.ts';

type ChatToolsType = keyof ChatDeskResultMap;
type ChatToolsMessage = Extract<ClientMessage, { type: ChatToolsType }>;

const CHAT_TOOLS_TYPES: ReadonlySet<string> = new Set(CHAT_DESK_REQUEST_SCHEMAS.map((schema) => schema.shape.type.value));

export function isChatToolsRequest(message: ClientMessage): message is ChatToolsMessage {
  return CHAT_TOOLS_TYPES.has(message.type);
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

/** A store's typed failure becomes the same error on the wire (`bad_request` with field problems, or `not_found`). */
function unwrap<T>(result: ChatResult<T>): T {
  if (result.ok) return result.value;
  const { code, message, problems } = result.error;
  throw new RequestError(code, message, problems ? { problems } : {});
}

/** Optional wire fields are left out rather than sent as `undefined` (the stores' schemas are strict). */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A group a live posting schedule targets is kept: deleting it would silently take phones out of that schedule. */
function refuseIfScheduled(tools: BoxChatTools, groupIds: readonly string[]): void {
  const today = DateTime.fromMillis(tools.now()).toISODate() ?? '';
  const used = schedulesUsingGroups(tools.db, groupIds, today);
  if (used.length === 0) return;
  const problems = used.map(({ groupId, scheduleId }) => ({
    field: `deleteGroups[${groupIds.indexOf(groupId)}]`,
    message: `group ${groupId} is targeted by schedule ${scheduleId}; cancel that schedule first`,
  }));
  throw new RequestError(ErrorCode.Conflict, problems.map((p) => p.message).join('; '), { problems });
}

export function runChatToolsRequest(message: ChatToolsMessage, tools: BoxChatTools): ChatDeskResultMap[ChatToolsType] {
  const { book, replies, attention } = tools;
  switch (message.type) {
    case 'getDeviceBook':
      return wireDeviceBook(book.list());
    case 'updateDeviceBook': {
      refuseIfScheduled(tools, message.deleteGroups ?? []);
      const change = { entries: message.entries?.map(defined), groups: message.groups?.map(defined), deleteGroups: message.deleteGroups };
      return wireDeviceBook(unwrap(book.apply(defined(change))));
    }
    case 'selectDevices':
      return { deviceIds: unwrap(book.select(defined({ groupIds: message.groupIds, tags: message.tags }))) };
    case 'listQuickReplies':
      return { replies: replies.list(message.category).map(wireQuickReply), categories: replies.categories() };
    case 'searchQuickReplies':
      return { replies: replies.search(message.query).map(wireQuickReply) };
    case 'createQuickReply':
      return { reply: wireQuickReply(unwrap(replies.create(defined(message.reply)))) };
    case 'updateQuickReply':
      return { reply: wireQuickReply(unwrap(replies.update(message.replyId, defined(message.patch)))) };
    case 'deleteQuickReply':
      unwrap(replies.delete(message.replyId));
      return {};
    case 'reorderQuickReplies':
      unwrap(replies.reorder(message.ids));
      return { replies: replies.list().map(wireQuickReply) };
    case 'importQuickReplies':
      return unwrap(importQuickReplies(replies, message.format, message.content));
    case 'exportQuickReplies': {
      const content = replies.exportContent();
      return { format: message.format, content: message.format === 'csv' ? formatQuickReplyCsv(content) : formatQuickReplyJson(content) };
    }
    case 'listAttention':
      return { attention: attention.state().map(({ deviceId, since }) => ({ deviceId, since })) };
    case 'clearAttention':
      attention.clear(message.deviceId);
      return {};
  }
}
