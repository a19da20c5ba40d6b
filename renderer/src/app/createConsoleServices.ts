// Service wiring: the store composed from the core and every feature's slice (with saved preferences), the box
// links that bind every feature, the PhoneInput port, the frame scheduler and the desktop API.
import type { DesktopApi } from '../../../preload/contract/desktopApi.ts';
import { BoxLinks } from '../shared/connection/boxLinks.ts';
import type { BoxBinding } from '../shared/connection/boxLinks.ts';
import type { ConsoleFeature } from '../shared/feature.ts';
import { KeyboardTarget } from '../shared/input/keyboardTarget.ts';
import { directPhoneInput } from '../shared/input/phoneInput.ts';
import type { ConsoleServices } from '../shared/services.ts';
import { createConsoleStore } from '../shared/state/coreState.ts';
import type { Preferences } from '../shared/state/preferences.ts';
import { FrameScheduler } from '../shared/video/frameScheduler.ts';
import type { WallStats } from '../shared/video/wallStats.ts';

export function createConsoleServices(options: { features: readonly ConsoleFeature[]; preferences: Preferences; desktop: DesktopApi | null; stats: WallStats | null }): ConsoleServices {
  const { features } = options;
  const store = createConsoleStore(features, options.preferences);
  const bindings = features.flatMap((feature): BoxBinding[] => (feature.bind ? [feature.bind] : []));
  const links = new BoxLinks(store, bindings);
  const phoneInput = features.find((feature) => feature.phoneInput)?.phoneInput?.(store, links) ?? directPhoneInput(links);
  return { store, links, phoneInput, features, scheduler: new FrameScheduler(), desktop: options.desktop, stats: options.stats, keyboard: new KeyboardTarget() };
}
