// The contribution contract: what a console feature brings. The composition root lists the features; the store,
// the box links, the i18n setup, the shell and the wall take their parts from that list and never name a feature.
import type { ComponentType } from 'react';
import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { BoxConnection } from './connection/boxConnection.ts';
import type { BoxLinks } from './connection/boxLinks.ts';
import type { PhoneInput } from './input/phoneInput.ts';
import type { WallDevice } from './state/boxesSlice.ts';
import type { CoreState } from './state/coreState.ts';

/** The i18n resources of one language: nested objects of strings. */
export interface FeatureStrings {
  [key: string]: string | FeatureStrings;
}

/** The strings of one language shaped like another's: the same keys, every text widened to `string`. */
export type SameStrings<T> = { [K in keyof T]: T[K] extends string ? string : SameStrings<T[K]> };

/** What a feature adds to a tile's element: classes, and `data-*` attributes named without the `data-` prefix. */
export interface TileDecoration {
  classNames?: readonly string[];
  data?: Readonly<Record<string, string>>;
}

export interface DeviceProps {
  device: WallDevice;
}

export interface FocusTextAssistProps {
  draft: string;
  onPick(text: string): void;
}

/** One entry of the view switch; Alt+1… follow the order of all views of all features. */
export interface ConsoleView {
  id: string;
  /** The label's key in the feature's namespace. */
  labelKey: string;
  Component: ComponentType;
}

export interface ConsoleFeature<S extends object = object> {
  /** Names the feature; also its i18n namespace. */
  id: string;
  slice?: StateCreator<CoreState & S, [], [], S>;
  i18n: { 'zh-CN': FeatureStrings; en: FeatureStrings };
  /** zh-CN wording of the texts this feature's box part sends (English comes from the protocol's catalog). */
  boxTexts?: { 'zh-CN': Readonly<Record<string, string>> };
  /** Called for every box the console connects to, before its link starts; returns what undoes it. */
  bind?(connection: BoxConnection, store: StoreApi<CoreState & S>, boxId: string): () => void;
  /** Replaces the plain PhoneInput port (the first feature that offers one wins). */
  phoneInput?(store: StoreApi<CoreState & S>, links: BoxLinks): PhoneInput;
  views?: readonly ConsoleView[];
  tile?: {
    /** Pure: the classes and data attributes the tile element carries for this feature. */
    decorate?(state: CoreState & S, device: WallDevice): TileDecoration | null;
    /** Drawn over the phone's screen on the tile. */
    Overlay?: ComponentType<DeviceProps>;
    /** Buttons at the end of the tile's name bar. */
    NameBarTools?: ComponentType<DeviceProps>;
    /** What a right-click on the tile's name bar does (the first feature that offers it wins); the hint is a key. */
    nameBarMenu?: { hintKey: string; open(store: StoreApi<CoreState & S>, device: WallDevice): void };
  };
  focus?: {
    /** Drawn over the phone's screen in the focus view. */
    Overlay?: ComponentType<DeviceProps>;
    /** Under the focus view's text box. */
    TextAssist?: ComponentType<FocusTextAssistProps>;
    /** What Tab (or Enter) turns the draft into, or null to leave those keys alone. */
    completeDraft?(state: CoreState & S, draft: string): string | null;
  };
  /** In the control bar while a phone is taken, after the bar's own buttons. */
  controlBar?: readonly ComponentType[];
  /** In the tool strip under the control bar. */
  wallTools?: readonly ComponentType[];
  /** Mounted with the wall: bars, dialogs, panels and watchers that place themselves. */
  wallHosts?: readonly ComponentType[];
}

/**
 * A feature as the composition root holds it. Its own state type is checked where it is written; past this point
 * the store is the composed one, which holds that state because the feature's slice is composed into it.
 */
export function defineFeature<S extends object>(feature: ConsoleFeature<S>): ConsoleFeature {
  return feature as unknown as ConsoleFeature;
}
