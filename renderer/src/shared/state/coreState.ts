// The one console store: the core slices every feature may read, composed with each feature's own slice.
// Video frames never enter it.
import { createStore } from 'zustand/vanilla';
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import { createAttentionSlice } from './attentionSlice.ts';
import type { AttentionSlice } from './attentionSlice.ts';
import { createBoxesSlice } from './boxesSlice.ts';
import type { BoxesSlice } from './boxesSlice.ts';
import { createDeviceBookSlice } from './deviceBookSlice.ts';
import type { DeviceBookSlice } from './deviceBookSlice.ts';
import { createSettingsSlice } from './settingsSlice.ts';
import type { SettingsSlice } from './settingsSlice.ts';
import { createToastSlice } from './toastSlice.ts';
import type { ToastSlice } from './toastSlice.ts';
import { createViewSlice } from './viewSlice.ts';
import type { ViewSlice } from './viewSlice.ts';
import { createWallSlice } from './wallSlice.ts';
import type { WallSlice } from './wallSlice.ts';

/** What every part of the console may read: boxes and devices, settings, the wall's view and selection, the shown
 * view, the device book and attention data per box (the wall shows both), and the one toast. */
export type CoreState = BoxesSlice & SettingsSlice & WallSlice & ViewSlice & DeviceBookSlice & AttentionSlice & ToastSlice;
export type ConsoleStore = StoreApi<CoreState>;

/** A feature's slice as the store composes it; the feature itself types it against `CoreState & ItsSlice`. */
export type FeatureSlice = StateCreator<CoreState, [], [], object>;

/**
 * The store with the core slices and the slices of `features`. `S` names the feature state the caller knows is
 * composed in (the composition root: all of it; a feature's test: its own).
 */
export function createConsoleStore<S extends object = object>(features: readonly { slice?: FeatureSlice }[] = [], initial: Partial<CoreState> = {}): StoreApi<CoreState & S> {
  const store = createStore<CoreState>()((...args) => ({
    ...createBoxesSlice(...args),
    ...createSettingsSlice(...args),
    ...createWallSlice(...args),
    ...createViewSlice(...args),
    ...createDeviceBookSlice(...args),
    ...createAttentionSlice(...args),
    ...createToastSlice(...args),
    ...Object.assign({}, ...features.map((feature) => feature.slice?.(...args) ?? {})),
    ...initial,
  }));
  // The feature slices in `features` were composed above; `S` is the caller's name for them.
  return store as StoreApi<CoreState & S>;
}
