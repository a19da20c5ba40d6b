// Console state of the quick-reply library (话术库): each box's replies in display order, the panel and the palette.
import type { StateCreator } from 'zustand';
import type { WireQuickReply } from '../../../../../native-bridge/protocol/chatDeskMessages.ts';
import type { CoreState } from '../../../shared/state/coreState.ts';
import { selectActiveBoxId } from '../activeBox.ts';

export interface QuickRepliesSlice {
  /** By box id, in the box's display order. */
  quickReplies: Record<string, WireQuickReply[]>;
  quickPanelOpen: boolean;
  paletteOpen: boolean;
  setQuickReplies(boxId: string, replies: WireQuickReply[]): void;
  toggleQuickPanel(open?: boolean): void;
  setPaletteOpen(open: boolean): void;
}

export const createQuickRepliesSlice: StateCreator<CoreState & QuickRepliesSlice, [], [], QuickRepliesSlice> = (set) => ({
  quickReplies: {},
  quickPanelOpen: false,
  paletteOpen: false,
  setQuickReplies: (boxId, replies) => set((state) => ({ quickReplies: { ...state.quickReplies, [boxId]: replies } })),
  toggleQuickPanel: (open) => set((state) => ({ quickPanelOpen: open ?? !state.quickPanelOpen })),
  setPaletteOpen: (open) => set({ paletteOpen: open }),
});

const noReplies: WireQuickReply[] = [];

/** The library of the box the chat desk works with (the selected phone's box); a stable empty list when none. */
export function selectActiveReplies(state: CoreState & Pick<QuickRepliesSlice, 'quickReplies'>): WireQuickReply[] {
  const boxId = selectActiveBoxId(state);
  return (boxId ? state.quickReplies[boxId] : undefined) ?? noReplies;
}
