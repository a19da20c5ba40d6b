// Named selectors over the core state; each has its own unit test.
import type { BoxEntry, WallDevice } from './boxesSlice.ts';
import type { CoreState } from './coreState.ts';
import type { Selection } from './selection.ts';

export type TileState = WallDevice['state'];

/** All devices of all boxes in box order, then by model name and id (stable as devices come and go). */
export function selectAllDevices(state: Pick<CoreState, 'devices' | 'boxOrder'>): WallDevice[] {
  const rank = new Map(state.boxOrder.map((id, index) => [id, index]));
  return Object.values(state.devices).sort(
    (a, b) => (rank.get(a.boxId) ?? 1e9) - (rank.get(b.boxId) ?? 1e9) || a.model.localeCompare(b.model, 'zh-CN', { numeric: true }) || a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
}

type FilterState = Pick<CoreState, 'devices' | 'boxOrder' | 'filter'> & Partial<Pick<CoreState, 'deviceBooks' | 'attention' | 'attentionFirst'>>;

/** The name a phone goes by: its device-book name, else its model, else its serial. */
export function deviceDisplayName(state: Partial<Pick<CoreState, 'deviceBooks'>>, device: WallDevice): string {
  const entry = state.deviceBooks?.[device.boxId]?.entries.find((candidate) => candidate.deviceId === device.id);
  return entry?.name || device.model || device.serial;
}

/**
 * Devices matching every word of the filter (case-insensitive): `#tag` words match a device-book tag exactly, other
 * words match inside the model, serial, id, book name, note or a tag. Then, with attention first, the phones that
 * need attention lead (oldest first), the rest keep their order.
 */
export function selectFilteredDevices(state: FilterState): WallDevice[] {
  const words = state.filter.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  let devices = selectAllDevices(state);
  if (words.length > 0) {
    devices = devices.filter((device) => {
      const entry = state.deviceBooks?.[device.boxId]?.entries.find((candidate) => candidate.deviceId === device.id);
      const tags = (entry?.tags ?? []).map((tag) => tag.toLocaleLowerCase());
      const texts = [device.model, device.serial, device.id, entry?.name ?? '', entry?.note ?? '', ...tags].map((text) => text.toLocaleLowerCase());
      return words.every((word) => (word.startsWith('#') && word.length > 1 ? tags.includes(word.slice(1)) : texts.some((text) => text.includes(word))));
    });
  }
  const attention = state.attention;
  if (!state.attentionFirst || !attention) return devices;
  const raised = devices.filter((device) => device.key in attention).sort((a, b) => (attention[a.key] ?? 0) - (attention[b.key] ?? 0));
  return [...raised, ...devices.filter((device) => !(device.key in attention))];
}

export interface WallPage {
  devices: WallDevice[];
  page: number;
  pageCount: number;
  total: number;
}

export const wallPageSize = 100;

/** The filtered devices of the current page; the page is clamped when the list shrank. */
export function selectWallPage(state: FilterState & Pick<CoreState, 'page'>, pageSize = wallPageSize): WallPage {
  const devices = selectFilteredDevices(state);
  const pageCount = Math.max(1, Math.ceil(devices.length / pageSize));
  const page = Math.min(state.page, pageCount - 1);
  return { devices: devices.slice(page * pageSize, (page + 1) * pageSize), page, pageCount, total: devices.length };
}

/** What the tile badge shows: a box that is not online makes all its devices look offline (or unauthorized). */
export function selectTileState(state: Pick<CoreState, 'boxes'>, device: WallDevice): { state: TileState; reason: string | null } {
  const box = state.boxes[device.boxId];
  if (!box || box.state === 'online') return { state: device.state, reason: device.reason };
  if (box.state === 'unauthorized') return { state: 'unauthorized', reason: box.reason };
  if (box.state === 'connecting') return { state: 'connecting', reason: box.reason };
  return { state: 'offline', reason: box.reason };
}

/** Keys of the tiles on the current wall page, in wall order (what Shift-click ranges and Ctrl+A span). */
export function selectWallPageKeys(state: FilterState & Pick<CoreState, 'page'>): string[] {
  return selectWallPage(state).devices.map((device) => device.key);
}

type SelectionView = Pick<CoreState, 'selectionKeys' | 'selectionAnchor' | 'selectedKey' | 'devices'>;

/**
 * The selected phones that still exist. A phone taken outside the selection (focus view, another path) makes the
 * selection just that phone, so a group never follows a phone the operator is not looking at.
 */
export function selectSelectedKeys(state: SelectionView): string[] {
  const members = state.selectionKeys.filter((key) => key in state.devices);
  if (state.selectedKey === null || !(state.selectedKey in state.devices)) return members;
  return members.includes(state.selectedKey) ? members : [state.selectedKey];
}

export function selectCurrentSelection(state: SelectionView): Selection {
  return { keys: selectSelectedKeys(state), anchor: state.selectionAnchor, leader: state.selectedKey };
}

export function selectSelectedDevice(state: Pick<CoreState, 'devices' | 'selectedKey'>): WallDevice | null {
  return state.selectedKey ? (state.devices[state.selectedKey] ?? null) : null;
}

export function selectFocusDevice(state: Pick<CoreState, 'devices' | 'focusKey'>): WallDevice | null {
  return state.focusKey ? (state.devices[state.focusKey] ?? null) : null;
}

export function selectBoxes(state: Pick<CoreState, 'boxes' | 'boxOrder'>): BoxEntry[] {
  return state.boxOrder.flatMap((id) => (state.boxes[id] ? [state.boxes[id]] : []));
}

export interface WallCounts {
  total: number;
  online: number;
  simulated: number;
}

export function selectWallCounts(state: Pick<CoreState, 'devices' | 'boxes'>): WallCounts {
  const devices = Object.values(state.devices);
  return {
    total: devices.length,
    online: devices.filter((device) => device.state === 'online' && state.boxes[device.boxId]?.state === 'online').length,
    simulated: devices.filter((device) => device.simulated).length,
  };
}
