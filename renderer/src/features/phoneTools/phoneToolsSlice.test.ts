// The phone's clipboard events in the store, and the toast they raise.
import { describe, expect, it } from 'vitest';
import { createConsoleStore } from '../../shared/state/coreState.ts';
import { phoneToolsFeature } from './phoneToolsFeature.ts';
import type { PhoneToolsSlice } from './phoneToolsSlice.ts';

describe('phone clipboard and toasts in the store', () => {
  it('records each clipboard event of a phone with a new sequence, and dismisses only the toast it names', () => {
    const store = createConsoleStore<PhoneToolsSlice>([phoneToolsFeature]);
    store.getState().receivePhoneClipboard('box', 'sim-1', 'hello');
    store.getState().receivePhoneClipboard('box', 'sim-1', 'hello');
    expect(store.getState().phoneClipboard).toEqual({ key: 'box/sim-1', text: 'hello', sequence: 2 });
    store.getState().showToast({ namespace: 'phoneTools', message: 'clipboard.copied', tone: 'info' });
    const first = store.getState().toast!.id;
    store.getState().showToast({ namespace: 'phoneTools', message: 'screenshot.saved', params: { count: 2 }, tone: 'info' });
    store.getState().dismissToast(first);
    expect(store.getState().toast?.message).toBe('screenshot.saved');
    store.getState().dismissToast(store.getState().toast!.id);
    expect(store.getState().toast).toBeNull();
  });
});
