// The wall's multi-selection and group control state: selected phones, the leader, sync on/off, failed followers.
import type { StateCreator } from 'zustand';
import type { Selection } from './selection.ts';

export interface GroupSlice {
  /** Selected phones in selection order (the leader is the wall's `selectedKey`). */
  groupKeys: string[];
  groupAnchor: string | null;
  syncOn: boolean;
  /** Followers that failed, with a short reason (an error code or a device state); they receive nothing more. */
  followerFailures: Record<string, string>;
  setSelection(selection: Selection): void;
  /** Esc: the group shrinks to the phone being worked. */
  clearSelection(): void;
  setSync(on: boolean): void;
  markFollowerFailed(key: string, reason: string): void;
  clearFollowerFailure(key: string): void;
}

type WithLeader = GroupSlice & { selectedKey: string | null };

export const createGroupSlice: StateCreator<WithLeader, [], [], GroupSlice> = (set) => ({
  groupKeys: [],
  groupAnchor: null,
  syncOn: false,
  followerFailures: {},
  setSelection: (selection) =>
    set((state) => {
      const failures = Object.fromEntries(Object.entries(state.followerFailures).filter(([key]) => selection.keys.includes(key)));
      return {
        groupKeys: selection.keys,
        groupAnchor: selection.anchor,
        selectedKey: selection.leader,
        syncOn: state.syncOn && selection.keys.length > 1,
        followerFailures: failures,
      };
    }),
  clearSelection: () =>
    set((state) => ({ groupKeys: state.selectedKey ? [state.selectedKey] : [], groupAnchor: state.selectedKey, syncOn: false, followerFailures: {} })),
  setSync: (on) => set({ syncOn: on, followerFailures: {} }),
  markFollowerFailed: (key, reason) =>
    set((state) => (state.followerFailures[key] === reason ? {} : { followerFailures: { ...state.followerFailures, [key]: reason } })),
  clearFollowerFailure: (key) =>
    set((state) => {
      if (!(key in state.followerFailures)) return {};
      const failures = { ...state.followerFailures };
      delete failures[key];
      return { followerFailures: failures };
    }),
});
