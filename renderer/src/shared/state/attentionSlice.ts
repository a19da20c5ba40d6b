// Needs-attention as the console knows it: since when each phone needs it, and whether the wall sorts those first.
import type { StateCreator } from 'zustand';
import { deviceKey } from './boxesSlice.ts';

export interface AttentionSlice {
  /** By tile key: when (ms, box clock) the phone's screen changed with nobody working it. */
  attention: Record<string, number>;
  attentionFirst: boolean;
  setAttention(boxId: string, deviceId: string, since: number | null): void;
  setAttentionList(boxId: string, list: { deviceId: string; since: number }[]): void;
  setAttentionFirst(on: boolean): void;
}

export const createAttentionSlice: StateCreator<AttentionSlice, [], [], AttentionSlice> = (set) => ({
  attention: {},
  attentionFirst: false,
  setAttention: (boxId, deviceId, since) =>
    set((state) => {
      const key = deviceKey(boxId, deviceId);
      if (since === null && !(key in state.attention)) return {};
      const attention = { ...state.attention };
      if (since === null) delete attention[key];
      else attention[key] = since;
      return { attention };
    }),
  setAttentionList: (boxId, list) =>
    set((state) => {
      const prefix = deviceKey(boxId, '');
      const attention = Object.fromEntries(Object.entries(state.attention).filter(([key]) => !key.startsWith(prefix)));
      for (const item of list) attention[deviceKey(boxId, item.deviceId)] = item.since;
      return { attention };
    }),
  setAttentionFirst: (on) => set({ attentionFirst: on }),
});
