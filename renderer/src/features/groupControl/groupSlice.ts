// Group control state: sync on/off and the followers that failed. Sync follows the core selection: fewer than two
// selected phones end it, and only selected phones keep a failure mark.
import type { StateCreator } from 'zustand';
import type { CoreState } from '../../shared/state/coreState.ts';

export interface GroupSlice {
  syncOn: boolean;
  /** Followers that failed, with a short reason (an error code or a device state); they receive nothing more. */
  followerFailures: Record<string, string>;
  /** Counts sync sessions and re-inclusions, so a late failure of an earlier send never marks a fresh follower. */
  syncSession: number;
  followerRejoins: Record<string, number>;
  setSync(on: boolean): void;
  /** Marks a follower failed unless it already is, or `ticket` is from before it was re-included. */
  markFollowerFailed(key: string, reason: string, ticket?: FollowerTicket): void;
  /** Takes a failed follower back into the group: it receives the next action on. */
  reincludeFollower(key: string): void;
}

export type GroupState = CoreState & GroupSlice;

/** When a send to a follower was issued: its failure counts only while the ticket is current. */
export interface FollowerTicket {
  session: number;
  rejoins: number;
}

export function followerTicket(state: GroupState, key: string): FollowerTicket {
  return { session: state.syncSession, rejoins: state.followerRejoins[key] ?? 0 };
}

export const createGroupSlice: StateCreator<GroupState, [], [], GroupSlice> = (set, _get, store) => {
  store.subscribe((state, previous) => {
    if (state.selectionKeys === previous.selectionKeys) return;
    const keys = state.selectionKeys;
    const failures = Object.fromEntries(Object.entries(state.followerFailures).filter(([key]) => keys.includes(key)));
    const syncOn = state.syncOn && keys.length > 1;
    if (syncOn !== state.syncOn || Object.keys(failures).length !== Object.keys(state.followerFailures).length) set({ syncOn, followerFailures: syncOn ? failures : {} });
  });
  return {
    syncOn: false,
    followerFailures: {},
    syncSession: 0,
    followerRejoins: {},
    setSync: (on) => set((state) => ({ syncOn: on, followerFailures: {}, syncSession: state.syncSession + 1 })),
    markFollowerFailed: (key, reason, ticket) =>
      set((state) => {
        if (key in state.followerFailures) return {};
        if (ticket && (ticket.session !== state.syncSession || ticket.rejoins !== (state.followerRejoins[key] ?? 0))) return {};
        return { followerFailures: { ...state.followerFailures, [key]: reason } };
      }),
    reincludeFollower: (key) =>
      set((state) => {
        const failures = { ...state.followerFailures };
        delete failures[key];
        return { followerFailures: failures, followerRejoins: { ...state.followerRejoins, [key]: (state.followerRejoins[key] ?? 0) + 1 } };
      }),
  };
};
