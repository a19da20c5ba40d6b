// The chat desk's own state: the book editor, the quick-reply library with its panel and palette, attention alerts.
// The device book and attention data themselves are core state: the wall shows them.
import type { StateCreator } from 'zustand';
import type { CoreState } from '../../shared/state/coreState.ts';
import { createAttentionAlertsSlice } from './attention/attentionAlertsSlice.ts';
import type { AttentionAlertsSlice } from './attention/attentionAlertsSlice.ts';
import { createBookEditorSlice } from './deviceBook/bookEditorSlice.ts';
import type { BookEditorSlice } from './deviceBook/bookEditorSlice.ts';
import { createQuickRepliesSlice } from './quickReplies/quickRepliesSlice.ts';
import type { QuickRepliesSlice } from './quickReplies/quickRepliesSlice.ts';

export type ChatDeskSlice = BookEditorSlice & QuickRepliesSlice & AttentionAlertsSlice;
export type ChatDeskState = CoreState & ChatDeskSlice;

export const createChatDeskSlice: StateCreator<ChatDeskState, [], [], ChatDeskSlice> = (...args) => ({
  ...createBookEditorSlice(...args),
  ...createQuickRepliesSlice(...args),
  ...createAttentionAlertsSlice(...args),
});
