// Group state in the store: followers of the leader while sync is on, and sync following the selection.
import { describe, expect, it } from 'vitest';
import { createConsoleStore } from '../../shared/state/coreState.ts';
import { selectSelectedKeys } from '../../shared/state/selectors.ts';
import { groupControlFeature } from './groupControlFeature.ts';
import { selectFollowers, selectTileRole } from './groupSelectors.ts';
import type { GroupSlice } from './groupSlice.ts';

describe('group state in the store', () => {
  function storeWithPhones(keys: string[]) {
    const store = createConsoleStore<GroupSlice>([groupControlFeature]);
    store.getState().addBox({ id: 'box', name: '', url: 'http://127.0.0.1:1', embedded: false });
    store.getState().setBoxDevices(
      'box',
      keys.map((id) => ({ id, serial: id, model: id, width: 720, height: 1600, source: 'simulated' as const, simulated: true, state: 'online' as const, reason: null })),
    );
    return store;
  }

  it('followers are the members other than the leader, only while sync is on; a lone phone turns sync off', () => {
    const store = storeWithPhones(['p1', 'p2', 'p3']);
    store.getState().setSelection({ keys: ['box/p1', 'box/p2', 'box/p3'], anchor: 'box/p1', leader: 'box/p2' });
    expect(selectFollowers(store.getState())).toEqual([]);
    expect(selectTileRole(store.getState(), 'box/p1')).toBe('member');
    store.getState().setSync(true);
    expect(selectFollowers(store.getState()).map((d) => d.key)).toEqual(['box/p1', 'box/p3']);
    expect(selectTileRole(store.getState(), 'box/p2')).toBe('leader');
    store.getState().markFollowerFailed('box/p3', 'device_offline');
    expect(selectTileRole(store.getState(), 'box/p3')).toBe('failed');
    store.getState().setSelection({ keys: ['box/p2'], anchor: 'box/p2', leader: 'box/p2' });
    expect(store.getState().syncOn).toBe(false);
    expect(store.getState().followerFailures).toEqual({});
  });

  it('a leader taken outside the group collapses the group to that phone', () => {
    const store = storeWithPhones(['p1', 'p2', 'p3']);
    store.getState().setSelection({ keys: ['box/p1', 'box/p2'], anchor: 'box/p1', leader: 'box/p1' });
    store.getState().setSync(true);
    store.getState().select('box/p3');
    expect(selectSelectedKeys(store.getState())).toEqual(['box/p3']);
    expect(selectFollowers(store.getState())).toEqual([]);
    store.getState().clearSelection();
    expect(store.getState().selectionKeys).toEqual(['box/p3']);
  });
});
