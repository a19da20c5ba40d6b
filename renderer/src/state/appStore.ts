// The one console store, made of typed slices. Video frames never enter it.
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createBoxesSlice } from './boxesSlice.ts';
import type { BoxesSlice } from './boxesSlice.ts';
import { createSettingsSlice } from './settingsSlice.ts';
import type { SettingsSlice } from './settingsSlice.ts';
import { createWallSlice } from './wallSlice.ts';
import type { WallSlice } from './wallSlice.ts';
import { createPostingSlice } from '../posting/postingSlice.ts';
import type { PostingSlice } from '../posting/postingSlice.ts';
import { createGroupSlice } from '../groupControl/groupSlice.ts';
import type { GroupSlice } from '../groupControl/groupSlice.ts';
import { createChatToolsSlice } from '../chatTools/chatToolsSlice.ts';
import type { ChatToolsSlice } from '../chatTools/chatToolsSlice.ts';
import { createDeviceBookSlice, type DeviceBookSlice } from '../deviceBook/deviceBookSlice.ts';
import { createQuickRepliesSlice, type QuickRepliesSlice } from '../quickReplies/quickRepliesSlice.ts';
import { createAttentionSlice, type AttentionSlice } from '../attention/attentionSlice.ts';

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
