// The one short message at the bottom of the console (copied, saved, failed), from whichever feature said it.
import type { StateCreator } from 'zustand';

export interface Toast {
  id: number;
  /** The i18n namespace of `message`: the feature that speaks. */
  namespace: string;
  /** i18n key in `namespace`. */
  message: string;
  params?: Record<string, string | number>;
  tone: 'info' | 'error';
}

export interface ToastSlice {
  toast: Toast | null;
  toastSerial: number;
  showToast(toast: Omit<Toast, 'id'>): void;
  dismissToast(id: number): void;
}

export const createToastSlice: StateCreator<ToastSlice, [], [], ToastSlice> = (set) => ({
  toast: null,
  toastSerial: 0,
  showToast: (toast) => set((state) => ({ toast: { ...toast, id: state.toastSerial + 1 }, toastSerial: state.toastSerial + 1 })),
  dismissToast: (id) => set((state) => (state.toast?.id === id ? { toast: null } : {})),
});
