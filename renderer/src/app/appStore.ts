// The one console store, made of typed slices. Video frames never enter it.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createBoxesSlice } from '../shared/state/boxesSlice.ts';
import type { BoxesSlice } from '../shared/state/boxesSlice.ts';
import { createSettingsSlice } from '../shared/state/settingsSlice.ts';
import type { SettingsSlice } from '../shared/state/settingsSlice.ts';
import { createWallSlice } from '../shared/state/wallSlice.ts';
import type { WallSlice } from '../shared/state/wallSlice.ts';
import { createPostingSlice } from '../features/posting/postingSlice.ts';
import type { PostingSlice } from '../features/posting/postingSlice.ts';
import { createGroupSlice } from '../features/groupControl/groupSlice.ts';
import type { GroupSlice } from '../features/groupControl/groupSlice.ts';
import { createChatToolsSlice } from '../features/phoneTools/chatToolsSlice.ts';
import type { ChatToolsSlice } from '../features/phoneTools/chatToolsSlice.ts';
import { createDeviceBookSlice, type DeviceBookSlice } from '../features/chatDesk/deviceBook/deviceBookSlice.ts';
import { createQuickRepliesSlice, type QuickRepliesSlice } from '../features/chatDesk/quickReplies/quickRepliesSlice.ts';
import { createAttentionSlice, type AttentionSlice } from '../features/chatDesk/attention/attentionSlice.ts';

export type AppState = BoxesSlice & WallSlice & SettingsSlice & GroupSlice & ChatToolsSlice & PostingSlice & DeviceBookSlice & QuickRepliesSlice & AttentionSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(initial: Partial<Pick<AppState, 'theme' | 'language' | 'tileWidth'>> = {}): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createBoxesSlice(...args),
    ...createWallSlice(...args),
    ...createSettingsSlice(...args),
    ...createPostingSlice(...args),
    ...createGroupSlice(...args),
    ...createChatToolsSlice(...args),
    ...createDeviceBookSlice(...args),
    ...createQuickRepliesSlice(...args),
    ...createAttentionSlice(...args),
    ...initial,
  }));
}
