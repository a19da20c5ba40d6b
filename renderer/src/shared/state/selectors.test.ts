// The core selectors: device order, filters (device-book names, notes, #tags), attention first, pages, tile states.
import { describe, expect, it } from 'vitest';
import {
  deviceDisplayName,
  selectAllDevices,
  selectBoxes,
  selectFilteredDevices,
  selectFocusDevice,
  selectSelectedDevice,
  selectTileState,
  selectWallCounts,
  selectWallPage,
} from './selectors.ts';
import { createConsoleStore } from './coreState.ts';
import { bookStore, simulatedPhone, twoBoxStore } from '../../testing/storeFixtures.ts';

describe('console selectors', () => {
  it('orders devices by box, then by name with numbers in natural order', () => {
    const state = twoBoxStore().getState();
    expect(selectAllDevices(state).map((d) => d.key)).toEqual(['b1/d', 'b1/c', 'b2/b', 'b2/a']);
  });

  it('filters by model, serial or id, case-insensitively', () => {
    const store = twoBoxStore();
    store.getState().setFilter('  PIXEL ');
    expect(selectFilteredDevices(store.getState()).map((d) => d.key)).toEqual(['b1/c']);
    store.getState().setFilter('serial-a');
    expect(selectFilteredDevices(store.getState()).map((d) => d.key)).toEqual(['b2/a']);
    store.getState().setFilter('客服');
    expect(selectFilteredDevices(store.getState())).toHaveLength(4);
  });

  it('pages the wall and clamps a page beyond the end', () => {
    const store = createConsoleStore();
    store.getState().addBox({ id: 'b', name: '', url: 'http://127.0.0.1:1', embedded: false });
    store.getState().setBoxDevices('b', Array.from({ length: 130 }, (_, i) => simulatedPhone(`d${i}`, `phone ${i}`)));
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
    const store = twoBoxStore();
    const [d, c] = selectAllDevices(store.getState());
    expect(selectTileState(store.getState(), c!)).toEqual({ state: 'offline', reason: 'usb' });
    expect(selectTileState(store.getState(), d!)).toEqual({ state: 'online', reason: null });
    store.getState().setBoxState('b1', { state: 'unauthorized', reason: 'tokenRefused' });
    expect(selectTileState(store.getState(), d!)).toEqual({ state: 'unauthorized', reason: 'tokenRefused' });
    store.getState().setBoxState('b1', { state: 'offline', reason: 'connectionLost' });
    expect(selectTileState(store.getState(), d!)).toEqual({ state: 'offline', reason: 'connectionLost' });
  });

  it('counts online devices only on online boxes, and simulated ones', () => {
    const store = twoBoxStore();
    expect(selectWallCounts(store.getState())).toEqual({ total: 4, online: 3, simulated: 3 });
    store.getState().setBoxState('b2', { state: 'offline' });
    expect(selectWallCounts(store.getState()).online).toBe(1);
  });

  it('resolves the selected and focused device, and forgets removed ones', () => {
    const store = twoBoxStore();
    store.getState().openFocus('b2/a');
    expect(selectSelectedDevice(store.getState())?.model).toBe('客服 10');
    expect(selectFocusDevice(store.getState())?.model).toBe('客服 10');
    store.getState().upsertDevice('b2', simulatedPhone('a', '客服 10'), true);
    expect(selectFocusDevice(store.getState())).toBeNull();
    store.getState().removeBox('b1');
    expect(selectBoxes(store.getState()).map((b) => b.id)).toEqual(['b2']);
    expect(selectAllDevices(store.getState()).map((d) => d.key)).toEqual(['b2/b']);
  });
});

describe('device book on the wall', () => {
  const keys = (store: ReturnType<typeof bookStore>) => selectFilteredDevices(store.getState()).map((d) => d.id);

  it('names a phone by its book name, else its model', () => {
    const state = bookStore().getState();
    expect(deviceDisplayName(state, state.devices['b1/p1']!)).toBe('客服小王');
    expect(deviceDisplayName(state, state.devices['b1/p2']!)).toBe('Phone 2');
  });

  it('filters by book name, note and serial', () => {
    const store = bookStore();
    store.getState().setFilter('小王');
    expect(keys(store)).toEqual(['p1']);
    store.getState().setFilter('退款');
    expect(keys(store)).toEqual(['p1']);
    store.getState().setFilter('SERIAL-P4');
    expect(keys(store)).toEqual(['p4']);
    store.getState().setFilter('night');
    expect(keys(store)).toEqual(['p3']);
  });

  it('`#tag` matches whole tags case-insensitively, while a bare word matches inside tags too', () => {
    const store = bookStore();
    store.getState().setFilter('#售后');
    expect(keys(store)).toEqual(['p1']);
    store.getState().setFilter('#vip');
    expect(keys(store)).toEqual(['p1', 'p3']);
    store.getState().setFilter('售后');
    expect(keys(store)).toEqual(['p1', 'p2']);
    store.getState().setFilter('#vip night');
    expect(keys(store)).toEqual(['p3']);
    store.getState().setFilter('#nosuch');
    expect(keys(store)).toEqual([]);
  });

  it('puts phones needing attention first, oldest first, only when the sort is on', () => {
    const store = bookStore();
    store.getState().setAttention('b1', 'p3', 2000);
    store.getState().setAttention('b1', 'p4', 1000);
    expect(keys(store)).toEqual(['p1', 'p2', 'p3', 'p4']);
    store.getState().setAttentionFirst(true);
    expect(keys(store)).toEqual(['p4', 'p3', 'p1', 'p2']);
    expect(selectWallPage(store.getState(), 2).devices.map((d) => d.id)).toEqual(['p4', 'p3']);
    store.getState().setAttention('b1', 'p4', null);
    expect(keys(store)).toEqual(['p3', 'p1', 'p2', 'p4']);
    store.getState().setAttentionList('b1', [{ deviceId: 'p2', since: 5 }]);
    expect(Object.keys(store.getState().attention)).toEqual(['b1/p2']);
  });
});
