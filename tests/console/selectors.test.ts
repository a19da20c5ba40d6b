import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../../native-bridge/protocol/boxMessages.ts';
import { createAppStore } from '../../renderer/src/app/appStore.ts';
import {
  selectAllDevices,
  selectBoxes,
  selectFilteredDevices,
  selectFocusDevice,
  selectSelectedDevice,
  selectTileState,
  selectWallCounts,
  selectWallPage,
} from '../../renderer/src/shared/state/selectors.ts';

const device = (id: string, model: string, patch: Partial<DeviceInfo> = {}): DeviceInfo => ({
  id, serial: `serial-${id}`, model, width: 1080, height: 2400, source: 'simulated', simulated: true, state: 'online', reason: null, ...patch,
});

function storeWithTwoBoxes() {
  const store = createAppStore();
  const s = store.getState();
  s.addBox({ id: 'b1', name: '一号', url: 'http://127.0.0.1:1', embedded: true });
  s.addBox({ id: 'b2', name: '二号', url: 'http://127.0.0.1:2', embedded: false });
  s.setBoxState('b1', { state: 'online' });
  s.setBoxState('b2', { state: 'online' });
  s.setBoxDevices('b2', [device('a', '客服 10'), device('b', '客服 2')]);
  s.setBoxDevices('b1', [device('c', '客服 7 Pixel', { state: 'offline', reason: 'usb' }), device('d', '客服 1', { simulated: false })]);
  return store;
}

describe('console selectors', () => {
  it('orders devices by box, then by name with numbers in natural order', () => {
    const state = storeWithTwoBoxes().getState();
    expect(selectAllDevices(state).map((d) => d.key)).toEqual(['b1/d', 'b1/c', 'b2/b', 'b2/a']);
  });

  it('filters by model, serial or id, case-insensitively', () => {
    const store = storeWithTwoBoxes();
    store.getState().setFilter('  PIXEL ');
    expect(selectFilteredDevices(store.getState()).map((d) => d.key)).toEqual(['b1/c']);
    store.getState().setFilter('serial-a');
    expect(selectFilteredDevices(store.getState()).map((d) => d.key)).toEqual(['b2/a']);
    store.getState().setFilter('客服');
    expect(selectFilteredDevices(store.getState())).toHaveLength(4);
  });

  it('pages the wall and clamps a page beyond the end', () => {
    const store = createAppStore();
    store.getState().addBox({ id: 'b', name: '', url: 'http://127.0.0.1:1', embedded: false });
    store.getState().setBoxDevices('b', Array.from({ length: 130 }, (_, i) => device(`d${i}`, `phone ${i}`)));
    const first = selectWallPage(store.getState());
    expect(first).toMatchObject({ page: 0, pageCount: 2, total: 130 });
    expect(first.devices).toHaveLength(100);
    store.getState().setPage(7);
    const last = selectWallPage(store.getState());
    expect(last.page).toBe(1);
    expect(last.devices).toHaveLength(30);
    expect(selectWallPage(store.getState(), 48)).toMatchObject({ page: 2, pageCount: 3 });
    store.getState().setFilter('phone 12');
    expect(selectWallPage(store.getState()).page).toBe(0);
  });

  it("shows a box's link state on its devices when the box is not online", () => {
    const store = storeWithTwoBoxes();
    const [d, c] = selectAllDevices(store.getState());
    expect(selectTileState(store.getState(), c!)).toEqual({ state: 'offline', reason: 'usb' });
    expect(selectTileState(store.getState(), d!)).toEqual({ state: 'online', reason: null });
    store.getState().setBoxState('b1', { state: 'unauthorized', reason: 'tokenRefused' });
    expect(selectTileState(store.getState(), d!)).toEqual({ state: 'unauthorized', reason: 'tokenRefused' });
    store.getState().setBoxState('b1', { state: 'offline', reason: 'connectionLost' });
    expect(selectTileState(store.getState(), d!)).toEqual({ state: 'offline', reason: 'connectionLost' });
  });

  it('counts online devices only on online boxes, and simulated ones', () => {
    const store = storeWithTwoBoxes();
    expect(selectWallCounts(store.getState())).toEqual({ total: 4, online: 3, simulated: 3 });
    store.getState().setBoxState('b2', { state: 'offline' });
    expect(selectWallCounts(store.getState()).online).toBe(1);
  });

  it('resolves the selected and focused device, and forgets removed ones', () => {
    const store = storeWithTwoBoxes();
    store.getState().openFocus('b2/a');
    expect(selectSelectedDevice(store.getState())?.model).toBe('客服 10');
    expect(selectFocusDevice(store.getState())?.model).toBe('客服 10');
    store.getState().upsertDevice('b2', device('a', '客服 10'), true);
    expect(selectFocusDevice(store.getState())).toBeNull();
    store.getState().removeBox('b1');
    expect(selectBoxes(store.getState()).map((b) => b.id)).toEqual(['b2']);
    expect(selectAllDevices(store.getState()).map((d) => d.key)).toEqual(['b2/b']);
  });
});

describe('desktop notifications for phones going down', () => {
  it('reports online phones that went offline or vanished on an online box, not box outages', async () => {
    const { phonesThatWentDown } = await import('../../renderer/src/app/offlineNotifier.ts');
    const store = storeWithTwoBoxes();
    const before = store.getState();
    store.getState().upsertDevice('b2', device('a', '客服 10', { state: 'offline', reason: 'usb' }), false);
    store.getState().upsertDevice('b2', device('b', '客服 2'), true);
    expect(phonesThatWentDown(before, store.getState()).map((d) => d.key).sort()).toEqual(['b2/a', 'b2/b']);
    const beforeOutage = store.getState();
    store.getState().setBoxState('b1', { state: 'offline' });
    store.getState().upsertDevice('b1', device('d', '客服 1', { state: 'offline', reason: null }), false);
    expect(phonesThatWentDown(beforeOutage, store.getState())).toEqual([]);
  });
});
