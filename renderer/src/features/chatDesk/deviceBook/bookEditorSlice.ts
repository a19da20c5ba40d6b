// The device-book edit dialog's state: which phones it shows (one, or every selected one), or closed.
import type { StateCreator } from 'zustand';
import type { CoreState } from '../../../shared/state/coreState.ts';

export interface BookEditorSlice {
  /** Tile keys whose entries the edit dialog shows, or null when closed. */
  bookEditKeys: string[] | null;
  openBookEditor(keys: string[]): void;
  closeBookEditor(): void;
}

export const createBookEditorSlice: StateCreator<CoreState & BookEditorSlice, [], [], BookEditorSlice> = (set) => ({
  bookEditKeys: null,
  openBookEditor: (keys) => set({ bookEditKeys: keys.length > 0 ? keys : null }),
  closeBookEditor: () => set({ bookEditKeys: null }),
});
