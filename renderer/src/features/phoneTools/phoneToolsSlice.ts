// Phone tools state: the latest text copied on a phone (the clipboard bridge writes the selected phone's to the PC).
import type { StateCreator } from 'zustand';
import { deviceKey } from '../../shared/state/boxesSlice.ts';
import type { CoreState } from '../../shared/state/coreState.ts';

export interface PhoneClipboard {
  key: string;
  text: string;
  /** Increases with every event, so the same text copied twice is written twice. */
  sequence: number;
}

export interface PhoneToolsSlice {
  phoneClipboard: PhoneClipboard | null;
  receivePhoneClipboard(boxId: string, deviceId: string, text: string): void;
}

export const createPhoneToolsSlice: StateCreator<CoreState & PhoneToolsSlice, [], [], PhoneToolsSlice> = (set) => ({
  phoneClipboard: null,
  receivePhoneClipboard: (boxId, deviceId, text) =>
    set((state) => ({ phoneClipboard: { key: deviceKey(boxId, deviceId), text, sequence: (state.phoneClipboard?.sequence ?? 0) + 1 } })),
});
