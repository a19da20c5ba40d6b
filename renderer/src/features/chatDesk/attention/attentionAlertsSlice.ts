// Which boxes raise a desktop notification when one of their phones starts needing attention.
import type { StateCreator } from 'zustand';
import type { CoreState } from '../../../shared/state/coreState.ts';

export interface AttentionAlertsSlice {
  /** Box ids whose attention raises a desktop notification. */
  notifyBoxes: string[];
  setNotifyBox(boxId: string, on: boolean): void;
}

export const createAttentionAlertsSlice: StateCreator<CoreState & AttentionAlertsSlice, [], [], AttentionAlertsSlice> = (set) => ({
  notifyBoxes: [],
  setNotifyBox: (boxId, on) =>
    set((state) => ({ notifyBoxes: on ? [...new Set([...state.notifyBoxes, boxId])] : state.notifyBoxes.filter((id) => id !== boxId) })),
});
