// The console's long-lived services, handed to components through one React context.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { BoxLinks } from './connection/boxLinks.ts';
import type { DesktopApi } from '../../../preload/contract/desktopApi.ts';
import type { AppState, AppStore } from '../app/appStore.ts';
import type { FrameScheduler } from './video/frameScheduler.ts';
import type { WallStats } from './video/wallStats.ts';

export interface ConsoleServices {
  store: AppStore;
  links: BoxLinks;
  scheduler: FrameScheduler;
  desktop: DesktopApi | null;
  /** Present only when measuring (`?stats=1`). */
  stats: WallStats | null;
  /** Where the keyboard of the selected phone is captured (KeyboardSink registers its element). */
  keyboard: KeyboardTarget;
}

export class KeyboardTarget {
  element: HTMLElement | null = null;
  focus(): void {
    this.element?.focus({ preventScroll: true });
  }
}

export const ConsoleServicesContext = createContext<ConsoleServices | null>(null);

export function useServices(): ConsoleServices {
  const services = useContext(ConsoleServicesContext);
  if (!services) throw new Error('ConsoleServicesContext is missing');
  return services;
}

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}
