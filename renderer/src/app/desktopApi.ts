// Access to the desktop API exposed by the preload; null in a plain browser, where desktop-only actions hide.
import type { DesktopApi } from '../../../preload/contract/desktopApi.ts';

declare global {
  interface Window {
    phonewall?: DesktopApi;
  }
}

export function desktopApi(): DesktopApi | null {
  return typeof window !== 'undefined' && window.phonewall ? window.phonewall : null;
}
