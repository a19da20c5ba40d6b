// Desktop notifications for phones going down: one per phone that dropped, none for a whole box going offline.
import { describe, expect, it } from 'vitest';
import { simulatedPhone, twoBoxStore } from '../testing/storeFixtures.ts';
import { phonesThatWentDown } from './offlineNotifier.ts';

describe('desktop notifications for phones going down', () => {
  it('reports online phones that went offline or vanished on an online box, not box outages', () => {
    const store = twoBoxStore();
    const before = store.getState();
    store.getState().upsertDevice('b2', simulatedPhone('a', '客服 10', { state: 'offline', reason: 'usb' }), false);
    store.getState().upsertDevice('b2', simulatedPhone('b', '客服 2'), true);
    expect(phonesThatWentDown(before, store.getState()).map((d) => d.key).sort()).toEqual(['b2/a', 'b2/b']);
    const beforeOutage = store.getState();
    store.getState().setBoxState('b1', { state: 'offline' });
    store.getState().upsertDevice('b1', simulatedPhone('d', '客服 1', { state: 'offline', reason: null }), false);
    expect(phonesThatWentDown(beforeOutage, store.getState())).toEqual([]);
  });
});
