// Console state of the device book: each box's book (names, notes, tags, saved groups) and the open edit dialog.
import type { StateCreator } from 'zustand';
import type { WireDeviceBook } from '../../../../../native-bridge/protocol/chatDeskMessages.ts';

export type BookEntry = WireDeviceBook['entries'][number];
export type BookGroup = WireDeviceBook['groups'][number];

export interface DeviceBookSlice {
  /** By box id: every box keeps its own book. */
  deviceBooks: Record<string, WireDeviceBook>;
  /** Tile keys whose entries the edit dialog shows (one phone, or all selected ones), or null when closed. */
  bookEditKeys: string[] | null;
  setDeviceBook(boxId: string, book: WireDeviceBook): void;
  openBookEditor(keys: string[]): void;
  closeBookEditor(): void;
}

export const createDeviceBookSlice: StateCreator<DeviceBookSlice, [], [], DeviceBookSlice> = (set) => ({
  deviceBooks: {},
  bookEditKeys: null,
  setDeviceBook: (boxId, book) => set((state) => ({ deviceBooks: { ...state.deviceBooks, [boxId]: book } })),
  openBookEditor: (keys) => set({ bookEditKeys: keys.length > 0 ? keys : null }),
  closeBookEditor: () => set({ bookEditKeys: null }),
});

/** The book entry of one phone, if it has one. */
export function bookEntryOf(books: Record<string, WireDeviceBook>, boxId: string, deviceId: string): BookEntry | null {
  return books[boxId]?.entries.find((entry) => entry.deviceId === deviceId) ?? null;
}
