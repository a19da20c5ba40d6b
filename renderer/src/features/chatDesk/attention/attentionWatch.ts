// Store watchers of needs-attention: taking a phone clears its attention on the box; new attention may notify.
import type { StoreApi } from 'zustand/vanilla';
import type { ChatDeskState } from '../chatDeskSlice.ts';

export interface AttentionWatchPorts {
  clear(boxId: string, deviceId: string): void;
  /** A desktop notification; called only for boxes the operator chose, never for the phone being worked. */
  notify?(key: string, since: number): void;
}

function takenKeys(state: ChatDeskState): string[] {
  return [state.selectedKey, state.focusKey].filter((key): key is string => key !== null);
}

/**
 * Taking a phone (selecting it as the leader or opening it) sends `clearAttention` once per raise; attention that
 * arrives for the phone already being worked is cleared at once as well (the operator is looking at it).
 */
export function watchAttention(store: StoreApi<ChatDeskState>, ports: AttentionWatchPorts): () => void {
  const cleared = new Map<string, number>();
  let previous = store.getState().attention;
  const check = (state: ChatDeskState) => {
    for (const key of takenKeys(state)) {
      const since = state.attention[key];
      const device = state.devices[key];
      if (since === undefined || !device || cleared.get(key) === since) continue;
      cleared.set(key, since);
      ports.clear(device.boxId, device.id);
    }
    if (state.attention !== previous) {
      const taken = takenKeys(state);
      for (const [key, since] of Object.entries(state.attention)) {
        if (previous[key] === since || taken.includes(key)) continue;
        const device = state.devices[key];
        if (device && state.notifyBoxes.includes(device.boxId)) ports.notify?.(key, since);
      }
      previous = state.attention;
    }
  };
  check(store.getState());
  return store.subscribe(check);
}
