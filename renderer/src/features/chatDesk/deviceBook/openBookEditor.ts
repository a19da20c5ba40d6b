// Opens the book editor from a tile: for the whole selection when the tile is part of it, else for that phone.
import type { StoreApi } from 'zustand/vanilla';
import type { WallDevice } from '../../../shared/state/boxesSlice.ts';
import { selectSelectedKeys } from '../../../shared/state/selectors.ts';
import type { ChatDeskState } from '../chatDeskSlice.ts';

export function openBookEditorFor(store: StoreApi<ChatDeskState>, device: WallDevice): void {
  const state = store.getState();
  const members = selectSelectedKeys(state);
  state.openBookEditor(members.includes(device.key) && members.length > 1 ? members : [device.key]);
}
