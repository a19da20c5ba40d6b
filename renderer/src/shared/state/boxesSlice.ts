// Boxes and their devices as the console knows them: connection state per box, device list per box.
import type { StateCreator } from 'zustand';
import type { DeviceInfo } from '../../../../native-bridge/protocol/boxMessages.ts';

export const BoxLinkState = {
  connecting: 'connecting',
  online: 'online',
  offline: 'offline',
  unauthorized: 'unauthorized',
} as const;
export type BoxLinkState = (typeof BoxLinkState)[keyof typeof BoxLinkState];

export interface BoxEntry {
  id: string;
  name: string;
  url: string;
  state: BoxLinkState;
  reason: string | null;
  role: string | null;
  embedded: boolean;
  /** Next reconnect attempt (ms since epoch), when offline. */
  retryAt: number | null;
}

/** A device as shown on the wall: the box's DeviceInfo plus which box holds it. `key` is unique across boxes. */
export interface WallDevice extends DeviceInfo {
  key: string;
  boxId: string;
}

export type BoxStatePatch = Partial<Pick<BoxEntry, 'state' | 'reason' | 'role' | 'retryAt' | 'name'>>;

export interface BoxesSlice {
  boxes: Record<string, BoxEntry>;
  boxOrder: string[];
  devices: Record<string, WallDevice>;
  addBox(box: Pick<BoxEntry, 'id' | 'name' | 'url' | 'embedded'>): void;
  removeBox(boxId: string): void;
  setBoxState(boxId: string, patch: BoxStatePatch): void;
  setBoxDevices(boxId: string, devices: DeviceInfo[]): void;
  upsertDevice(boxId: string, device: DeviceInfo, removed: boolean): void;
}

export function deviceKey(boxId: string, deviceId: string): string {
  return `${boxId}/${deviceId}`;
}

export const createBoxesSlice: StateCreator<BoxesSlice, [], [], BoxesSlice> = (set) => ({
  boxes: {},
  boxOrder: [],
  devices: {},
  addBox: (box) =>
    set((state) => ({
      boxes: { ...state.boxes, [box.id]: { ...box, state: 'connecting', reason: null, role: null, retryAt: null } },
      boxOrder: state.boxOrder.includes(box.id) ? state.boxOrder : [...state.boxOrder, box.id],
    })),
  removeBox: (boxId) =>
    set((state) => {
      const boxes = { ...state.boxes };
      delete boxes[boxId];
      const devices = Object.fromEntries(Object.entries(state.devices).filter(([, device]) => device.boxId !== boxId));
      return { boxes, devices, boxOrder: state.boxOrder.filter((id) => id !== boxId) };
    }),
  setBoxState: (boxId, patch) =>
    set((state) => {
      const box = state.boxes[boxId];
      return box ? { boxes: { ...state.boxes, [boxId]: { ...box, ...patch } } } : {};
    }),
  setBoxDevices: (boxId, list) =>
    set((state) => {
      const devices = Object.fromEntries(Object.entries(state.devices).filter(([, device]) => device.boxId !== boxId));
      for (const device of list) devices[deviceKey(boxId, device.id)] = { ...device, key: deviceKey(boxId, device.id), boxId };
      return { devices };
    }),
  upsertDevice: (boxId, device, removed) =>
    set((state) => {
      const key = deviceKey(boxId, device.id);
      const devices = { ...state.devices };
      if (removed) delete devices[key];
      else devices[key] = { ...device, key, boxId };
      return { devices };
    }),
});
