// Console state of the chat tools: the phone clipboard's latest text and the one short toast on screen.
import type { StateCreator } from 'zustand';
import { deviceKey } from '../../shared/state/boxesSlice.ts';

export interface PhoneClipboard {
  key: string;
  text: string;
  /** Increases with every event, so the same text copied twice is written twice. */
  sequence: number;
}

export interface Toast {
  id: number;
  /** i18n key in the chatTools namespace. */
  message: string;
  params?: Record<string, string | number>;
  tone: 'info' | 'error';
}

export interface ChatToolsSlice {
  phoneClipboard: PhoneClipboard | null;
  toast: Toast | null;
  toastSerial: number;
  receivePhoneClipboard(boxId: string, deviceId: string, text: string): void;
  showToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
}

export const createChatToolsSlice: StateCreator<ChatToolsSlice, [], [], ChatToolsSlice> = (set) => ({
  phoneClipboard: null,
  toast: null,
  toastSerial: 0,
  receivePhoneClipboard: (boxId, deviceId, text) =>
    set((state) => ({ phoneClipboard: { key: deviceKey(boxId, deviceId), text, sequence: (state.phoneClipboard?.sequence ?? 0) + 1 } })),
  showToast: (toast) => set((state) => ({ toast: { ...toast, id: state.toastSerial + 1 }, toastSerial: state.toastSerial + 1 })),
  dismissToast: (id) => set((state) => (state.toast?.id === id ? { toast: null } : {})),
});
