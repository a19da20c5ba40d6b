// Unit: the wall filter over device-book names, notes and `#tag`s; batch tag edits; attention-first ordering.
import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '../../native-bridge/protocol/boxMessages.ts';
import { watchAttention } from '../../renderer/src/features/chatDesk/attention/attentionWatch.ts';
import { parseAttentionPreferences } from '../../renderer/src/features/chatDesk/attention/attentionPreferences.ts';
import { attentionTimeLabel } from '../../renderer/src/features/chatDesk/attention/attentionTime.ts';
import { batchTagPatches, parseTags, tagsOf } from '../../renderer/src/features/chatDesk/deviceBook/bookEdits.ts';
import { boxProblemsOf } from '../../renderer/src/features/chatDesk/activeBox.ts';
import { RequestFailed } from '../../renderer/src/shared/connection/rpcSocket.ts';
import { createAppStore } from '../../renderer/src/app/appStore.ts';
import { deviceDisplayName, selectFilteredDevices, selectWallPage } from '../../renderer/src/shared/state/selectors.ts';

const device = (id: string, model: string): DeviceInfo => ({
  id, serial: `serial-${id}`, model, width: 1080, height: 2400, source: 'simulated', simulated: true, state: 'online', reason: null,
});

function bookStore() {
  const store = createAppStore();
  const s = store.getState();
  s.addBox({ id: 'b1', name: '一号', url: 'http://127.0.0.1:1', embedded: false });
  s.setBoxState('b1', { state: 'online' });
  s.setBoxDevices('b1', [device('p1', 'Phone 1'), device('p2', 'Phone 2'), device('p3', 'Phone 3'), device('p4', 'Phone 4')]);
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

const keys = (store: ReturnType<typeof bookStore>) => selectFilteredDevices(store.getState()).map((d) => d.id);

describe('device book on the wall', () => {
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

  it('parses typed tags and builds batch patches that add and remove tags per phone', () => {
    expect(parseTags(' 售后, #vip，早班  早班 ')).toEqual(['售后', 'vip', '早班']);
    const state = bookStore().getState();
    const devices = [state.devices['b1/p1']!, state.devices['b1/p4']!];
    expect(tagsOf(devices, state.deviceBooks)).toEqual(['售后', 'VIP']);
    const patches = batchTagPatches(devices, state.deviceBooks, ['早班'], ['VIP']);
    expect(patches.get('b1')).toEqual([
      { deviceId: 'p1', tags: ['售后', '早班'] },
      { deviceId: 'p4', tags: ['早班'] },
    ]);
  });

  it('turns the box’s typed errors into messages by field', () => {
    const failed = new RequestFailed({ code: 'bad_request', message: 'entries[0].name: too long', problems: [{ field: 'entries[0].name', message: 'name is longer than 64 characters' }] });
    expect(boxProblemsOf(failed)).toEqual({ fields: { name: 'name is longer than 64 characters' }, general: null });
    expect(boxProblemsOf(new RequestFailed({ code: 'conflict', message: 'the schedule 早安 still targets this group' }))).toEqual({
      fields: {}, general: 'the schedule 早安 still targets this group',
    });
  });
});

describe('attention watching', () => {
  it('clears attention once when the phone is taken, and notifies only chosen boxes for phones not being worked', () => {
    const store = bookStore();
    const cleared: string[] = [];
    const notified: string[] = [];
    const stop = watchAttention(store, { clear: (_box, id) => cleared.push(id), notify: (key) => notified.push(key) });
    store.getState().setNotifyBox('b1', true);
    store.getState().setAttention('b1', 'p2', 100);
    expect(notified).toEqual(['b1/p2']);
    store.getState().select('b1/p2');
    expect(cleared).toEqual(['p2']);
    store.getState().setTileWidth(200);
    expect(cleared).toEqual(['p2']);
    store.getState().setAttention('b1', 'p2', 300);
    expect(cleared).toEqual(['p2', 'p2']);
    expect(notified).toEqual(['b1/p2']);
    store.getState().setNotifyBox('b1', false);
    store.getState().setAttention('b1', 'p3', 400);
    expect(notified).toEqual(['b1/p2']);
    stop();
  });

  it('keeps its choices through a damaged storage entry and labels times', () => {
    expect(parseAttentionPreferences('{"attentionFirst":true,"notifyBoxes":["b1",3]}')).toEqual({ attentionFirst: true, notifyBoxes: ['b1'] });
    expect(parseAttentionPreferences('{nope')).toEqual({ attentionFirst: false, notifyBoxes: [] });
    const at = new Date(2026, 10, 22, 10, 42).getTime();
    expect(attentionTimeLabel(at, at + 60_000)).toBe('10:42');
    expect(attentionTimeLabel(at, at + 86_400_000)).toBe('11-22 10:42');
  });
});
