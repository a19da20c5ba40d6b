// Each box's device book (names, notes, tags, saved groups) as the console knows it; the wall shows it, the chat
// desk loads and edits it.
import type { StateCreator } from 'zustand';
import type { WireDeviceBook } from '../../../../native-bridge/protocol/chatDeskMessages.ts';

export type BookEntry = WireDeviceBook['entries'][number];
export type BookGroup = WireDeviceBook['groups'][number];

export interface DeviceBookSlice {
  /** By box id: every box keeps its own book. */
  deviceBooks: Record<string, WireDeviceBook>;
  setDeviceBook(boxId: string, book: WireDeviceBook): void;
}

export const createDeviceBookSlice: StateCreator<DeviceBookSlice, [], [], DeviceBookSlice> = (set) => ({
  deviceBooks: {},
  setDeviceBook: (boxId, book) => set((state) => ({ deviceBooks: { ...state.deviceBooks, [boxId]: book } })),
});

/** The book entry of one phone, if it has one. */
export function bookEntryOf(books: Record<string, WireDeviceBook>, boxId: string, deviceId: string): BookEntry | null {
  return books[boxId]?.entries.find((entry) => entry.deviceId === deviceId) ?? null;
}
