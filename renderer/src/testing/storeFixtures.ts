// Test fixtures of the core state: simulated phones and a box with a device book, for the unit tests beside slices.
import type { DeviceInfo } from '../../../native-bridge/protocol/boxMessages.ts';
import { createConsoleStore } from '../shared/state/coreState.ts';
import type { FeatureSlice } from '../shared/state/coreState.ts';

export const simulatedPhone = (id: string, model: string, patch: Partial<DeviceInfo> = {}): DeviceInfo => ({
  id, serial: `serial-${id}`, model, width: 1080, height: 2400, source: 'simulated', simulated: true, state: 'online', reason: null, ...patch,
});

/** Box `b1` online with four phones, three of them in its device book (names, notes, tags). */
export function bookStore<S extends object = object>(features: readonly { slice?: FeatureSlice }[] = []) {
  const store = createConsoleStore<S>(features);
  const s = store.getState();
  s.addBox({ id: 'b1', name: '一号', url: 'http://127.0.0.1:1', embedded: false });
  s.setBoxState('b1', { state: 'online' });
  s.setBoxDevices('b1', [simulatedPhone('p1', 'Phone 1'), simulatedPhone('p2', 'Phone 2'), simulatedPhone('p3', 'Phone 3'), simulatedPhone('p4', 'Phone 4')]);
  s.setDeviceBook('b1', {
    entries: [
      { deviceId: 'p1', name: '客服小王', note: '负责售后退款', tags: ['售后', 'VIP'], updatedAt: 1 },
      { deviceId: 'p2', name: '', note: '', tags: ['售后前台'], updatedAt: 1 },
      { deviceId: 'p3', name: 'Night shift', note: '', tags: ['vip'], updatedAt: 1 },
    ],
    groups: [],
  });
  return store;
}

/** Boxes `b1` (embedded) and `b2` online; b1 holds an offline phone and a real one, b2 two simulated phones. */
export function twoBoxStore() {
  const store = createConsoleStore();
  const s = store.getState();
  s.addBox({ id: 'b1', name: '一号', url: 'http://127.0.0.1:1', embedded: true });
  s.addBox({ id: 'b2', name: '二号', url: 'http://127.0.0.1:2', embedded: false });
  s.setBoxState('b1', { state: 'online' });
  s.setBoxState('b2', { state: 'online' });
  s.setBoxDevices('b2', [simulatedPhone('a', '客服 10'), simulatedPhone('b', '客服 2')]);
  s.setBoxDevices('b1', [simulatedPhone('c', '客服 7 Pixel', { state: 'offline', reason: 'usb' }), simulatedPhone('d', '客服 1', { simulated: false })]);
  return store;
}
