// The console's long-lived services, handed to components through one React context, and the typed hooks over them.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { DesktopApi } from '../../../preload/contract/desktopApi.ts';
import type { BoxLinks } from './connection/boxLinks.ts';
import type { ConsoleFeature } from './feature.ts';
import type { KeyboardTarget } from './input/keyboardTarget.ts';
import type { PhoneInput } from './input/phoneInput.ts';
import type { ConsoleStore, CoreState } from './state/coreState.ts';
import type { FrameScheduler } from './video/frameScheduler.ts';
import type { WallStats } from './video/wallStats.ts';

export interface ConsoleServices {
  store: ConsoleStore;
  links: BoxLinks;
  /** Input for one phone: group control's fan-out when present, else straight to the phone. */
  phoneInput: PhoneInput;
  /** Every feature, in the order their contributions show. */
  features: readonly ConsoleFeature[];
  scheduler: FrameScheduler;
  desktop: DesktopApi | null;
  /** Present only when measuring (`?stats=1`). */
  stats: WallStats | null;
  keyboard: KeyboardTarget;
}

export const ConsoleServicesContext = createContext<ConsoleServices | null>(null);

export function useServices(): ConsoleServices {
  const services = useContext(ConsoleServicesContext);
  if (!services) throw new Error('ConsoleServicesContext is missing');
  return services;
}

export function useConsoleState<T>(selector: (state: CoreState) => T): T {
  return useStore(useServices().store, selector);
}

/** A feature's typed hooks over the one store: the composition root composes the feature's slice into it. */
export function featureStoreHooks<S extends object>(): {
  useFeatureStore(): StoreApi<CoreState & S>;
  useFeatureState<T>(selector: (state: CoreState & S) => T): T;
} {
  const useFeatureStore = () => useServices().store as StoreApi<CoreState & S>;
  return {
    useFeatureStore,
    useFeatureState: (selector) => useStore(useFeatureStore(), selector),
  };
}
