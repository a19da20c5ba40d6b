// Attention watching: taking a phone clears its attention once; new attention notifies only chosen boxes.
import { describe, expect, it } from 'vitest';
import { bookStore } from '../../../testing/storeFixtures.ts';
import { chatDeskFeature } from '../chatDeskFeature.ts';
import type { ChatDeskSlice } from '../chatDeskSlice.ts';
import { watchAttention } from './attentionWatch.ts';

describe('attention watching', () => {
  it('clears attention once when the phone is taken, and notifies only chosen boxes for phones not being worked', () => {
    const store = bookStore<ChatDeskSlice>([chatDeskFeature]);
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
});
