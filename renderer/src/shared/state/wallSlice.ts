// How the wall is looked at: tile size, name filter, page, the selected phones with the one being worked (the
// leader of a group), and the one in the focus view.
import type { StateCreator } from 'zustand';
import type { Selection } from './selection.ts';

export const TileSizePreset = { small: 130, medium: 170, large: 240 } as const;
export type TileSizePreset = keyof typeof TileSizePreset;
export const tileWidthRange = { min: 100, max: 420 } as const;

export interface WallSlice {
  tileWidth: number;
  filter: string;
  page: number;
  /** The phone being worked: the keyboard drives it, and a synced group follows it. */
  selectedKey: string | null;
  focusKey: string | null;
  /** Selected phones in selection order (the one being worked is `selectedKey`). */
  selectionKeys: string[];
  selectionAnchor: string | null;
  setTileWidth(width: number): void;
  setFilter(filter: string): void;
  setPage(page: number): void;
  select(key: string | null): void;
  openFocus(key: string): void;
  closeFocus(): void;
  setSelection(selection: Selection): void;
  /** Esc: the selection shrinks to the phone being worked. */
  clearSelection(): void;
}

export function clampTileWidth(width: number): number {
  if (!Number.isFinite(width)) return TileSizePreset.medium;
  return Math.round(Math.min(tileWidthRange.max, Math.max(tileWidthRange.min, width)));
}

export const createWallSlice: StateCreator<WallSlice, [], [], WallSlice> = (set) => ({
  tileWidth: TileSizePreset.medium,
  filter: '',
  page: 0,
  selectedKey: null,
  focusKey: null,
  selectionKeys: [],
  selectionAnchor: null,
  setTileWidth: (width) => set({ tileWidth: clampTileWidth(width) }),
  setFilter: (filter) => set({ filter, page: 0 }),
  setPage: (page) => set({ page: Math.max(0, Math.floor(page)) }),
  select: (key) => set({ selectedKey: key }),
  openFocus: (key) => set({ focusKey: key, selectedKey: key }),
  closeFocus: () => set({ focusKey: null }),
  setSelection: (selection) => set({ selectionKeys: selection.keys, selectionAnchor: selection.anchor, selectedKey: selection.leader }),
  clearSelection: () => set((state) => ({ selectionKeys: state.selectedKey ? [state.selectedKey] : [], selectionAnchor: state.selectedKey })),
});
