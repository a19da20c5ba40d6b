// The chat desk on one box's connection: after every (re)connect it loads the device book, the quick replies and
// who needs attention; the box's events keep them current. A box without the chat desk answers an error (or
// something else), and the console then simply shows none.
import { z } from 'zod';
import { WireDeviceBookSchema, WireQuickReplySchema } from '../../../../native-bridge/protocol/chatDeskMessages.ts';
import type { StoreApi } from 'zustand/vanilla';
import type { BoxConnection } from '../../shared/connection/boxConnection.ts';
import type { ChatDeskState } from './chatDeskSlice.ts';

const QuickReplyListSchema = z.object({ replies: z.array(WireQuickReplySchema) });
const AttentionListSchema = z.object({ attention: z.array(z.object({ deviceId: z.string(), since: z.number() })) });

/** Results are validated before they reach the store: a box that answers something else shows nothing. */
function load<T>(request: Promise<unknown>, schema: z.ZodType<T>, use: (value: T) => void): void {
  request.then((result) => {
    const parsed = schema.safeParse(result);
    if (parsed.success) use(parsed.data);
  }, () => undefined);
}

export function bindChatDesk(connection: BoxConnection, store: StoreApi<ChatDeskState>, boxId: string): () => void {
  const state = () => store.getState();
  const stops = [
    connection.onReady(() => {
      load(connection.request({ type: 'getDeviceBook' }), WireDeviceBookSchema, (book) => state().setDeviceBook(boxId, book));
      load(connection.request({ type: 'listQuickReplies' }), QuickReplyListSchema, (result) => state().setQuickReplies(boxId, result.replies));
      load(connection.request({ type: 'listAttention' }), AttentionListSchema, (result) => state().setAttentionList(boxId, result.attention));
    }),
    connection.on('deviceBook', (event) => state().setDeviceBook(boxId, event.book)),
    connection.on('quickReplies', (event) => state().setQuickReplies(boxId, event.replies)),
    connection.on('attention', (event) => state().setAttention(boxId, event.deviceId, event.attention?.since ?? null)),
  ];
  return () => stops.forEach((stop) => stop());
}
