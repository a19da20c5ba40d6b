// Desktop notifications for phones that drop off while the operator looks elsewhere (one per phone per drop).
import type { DesktopApi } from '../../../preload/contract/desktopApi.ts';
import type { ConsoleStore, CoreState } from '../shared/state/coreState.ts';
import type { WallDevice } from '../shared/state/boxesSlice.ts';

/** Phones that were online in `previous` and are not in `next` while their box is still online (a box outage is one event, shown on the wall). */
export function phonesThatWentDown(previous: Pick<CoreState, 'devices'>, next: Pick<CoreState, 'devices' | 'boxes'>): WallDevice[] {
  const down: WallDevice[] = [];
  for (const [key, before] of Object.entries(previous.devices)) {
    if (before.state !== 'online') continue;
    const after = next.devices[key];
    if (next.boxes[before.boxId]?.state !== 'online') continue;
    if (!after || after.state !== 'online') down.push(after ?? before);
  }
  return down;
}

export function watchPhonesGoingDown(store: ConsoleStore, desktop: DesktopApi, text: (device: WallDevice) => { title: string; body: string }): () => void {
  return store.subscribe((next, previous) => {
    if (next.devices === previous.devices) return;
    for (const device of phonesThatWentDown(previous, next)) void desktop.showNotification(text(device)).catch(() => undefined);
  });
}
