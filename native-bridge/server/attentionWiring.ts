// Turns the chat tools' change and attention callbacks into wire events for every control client.
import type { AttentionEvent as MonitorEvent } from '../chat/attentionMonitor.ts';
import type { AttentionEvent, DeviceBookEvent, QuickRepliesEvent } from '../protocol/chatDeskMessages.ts';
import type { BoxChatTools } from './boxChatTools.ts';
import { wireDeviceBook, wireQuickReply } from './chatToolsRequests.ts';

export type ChatToolsEvent = DeviceBookEvent | QuickRepliesEvent | AttentionEvent;

export function attentionEvent(event: MonitorEvent): AttentionEvent {
  return event.type === 'raised'
    ? { type: 'attention', deviceId: event.attention.deviceId, attention: { since: event.attention.since } }
    : { type: 'attention', deviceId: event.deviceId, attention: null };
}

/** Subscribes `send` to every chat-tools event; returns the unsubscribe. */
export function wireChatToolsEvents(tools: BoxChatTools, send: (event: ChatToolsEvent) => void): () => void {
  const offs = [
    tools.book.onChange((book) => send({ type: 'deviceBook', book: wireDeviceBook(book) })),
    tools.replies.onChange(() => send({ type: 'quickReplies', replies: tools.replies.list().map(wireQuickReply) })),
    tools.attention.onAttention((event) => send(attentionEvent(event))),
  ];
  return () => {
    for (const off of offs) off();
  };
}
