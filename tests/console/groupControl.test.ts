// Group control logic: selection gestures, coordinate mapping across screens, the aspect rule, follower queues.
import { describe, expect, it } from 'vitest';
import type { Input } from '../../native-bridge/protocol/controlInput.ts';
import { checkAspects } from '../../renderer/src/features/groupControl/aspectCheck.ts';
import { mapCoordinate, mapInputForFollower } from '../../renderer/src/features/groupControl/followerMapping.ts';
import { FollowerQueues } from '../../renderer/src/features/groupControl/followerQueues.ts';
import { selectFollowers, selectGroupMembers, selectTileRole } from '../../renderer/src/features/groupControl/groupSelectors.ts';
import { clickSelection, emptySelection, rectangleSelection, rectFromPoints, selectAllVisible, tilesInRect } from '../../renderer/src/features/groupControl/selection.ts';
import { createAppStore } from '../../renderer/src/app/appStore.ts';

const order = ['a', 'b', 'c', 'd', 'e', 'f'];
const plain = { toggle: false, range: false };
const ctrl = { toggle: true, range: false };
const shift = { toggle: false, range: true };

describe('selection', () => {
  it('plain click takes one phone; Ctrl-click toggles; the leader stays the taken phone', () => {
    let s = clickSelection(emptySelection, 'b', plain, order);
    expect(s).toEqual({ keys: ['b'], anchor: 'b', leader: 'b' });
    s = clickSelection(s, 'd', ctrl, order);
    s = clickSelection(s, 'e', ctrl, order);
    expect(s.keys).toEqual(['b', 'd', 'e']);
    expect(s.leader).toBe('b');
    s = clickSelection(s, 'd', ctrl, order);
    expect(s.keys).toEqual(['b', 'e']);
    s = clickSelection(s, 'b', ctrl, order);
    expect(s).toMatchObject({ keys: ['e'], leader: 'e' });
  });

  it('Ctrl-click on an empty selection makes the first clicked phone the leader', () => {
    const s = clickSelection(clickSelection(emptySelection, 'c', ctrl, order), 'a', ctrl, order);
    expect(s).toMatchObject({ keys: ['c', 'a'], leader: 'c' });
  });

  it('a plain click inside the group switches the leader and keeps the group; outside it starts over', () => {
    let s = clickSelection(clickSelection(emptySelection, 'a', plain, order), 'c', ctrl, order);
    s = clickSelection(s, 'c', plain, order);
    expect(s).toMatchObject({ keys: ['a', 'c'], leader: 'c' });
    s = clickSelection(s, 'f', plain, order);
    expect(s).toMatchObject({ keys: ['f'], leader: 'f' });
  });

  it('Shift-click selects the range from the anchor in wall order, either direction; Ctrl+Shift adds it', () => {
    let s = clickSelection(emptySelection, 'e', plain, order);
    s = clickSelection(s, 'b', shift, order);
    expect(s.keys).toEqual(['b', 'c', 'd', 'e']);
    expect(s.leader).toBe('e');
    s = clickSelection(clickSelection(emptySelection, 'a', plain, order), 'b', shift, order);
    expect(s.keys).toEqual(['a', 'b']);
    s = clickSelection({ ...s, anchor: 'e' }, 'f', { toggle: true, range: true }, order);
    expect(s.keys).toEqual(['a', 'b', 'e', 'f']);
  });

  it('Ctrl+A takes every visible phone, keeping the leader', () => {
    const s = selectAllVisible({ keys: ['c'], anchor: 'c', leader: 'c' }, order);
    expect(s.keys).toEqual(order);
    expect(s.leader).toBe('c');
    expect(selectAllVisible(emptySelection, ['x', 'y']).leader).toBe('x');
  });

  it('a rectangle selects the tiles it touches, and adds to the group with Ctrl', () => {
    const tiles = order.map((key, i) => ({ key, rect: { left: (i % 3) * 110, top: Math.floor(i / 3) * 210, right: (i % 3) * 110 + 100, bottom: Math.floor(i / 3) * 210 + 200 } }));
    // From the gap right of tile a into tile e's corner: b and e are touched, a (left of the gap) is not.
    const touched = tilesInRect(tiles, rectFromPoints({ x: 215, y: 250 }, { x: 105, y: 195 }));
    expect(touched).toEqual(['b', 'e']);
    expect(tilesInRect(tiles, rectFromPoints({ x: 101, y: 201 }, { x: 109, y: 209 }))).toEqual([]);
    let s = rectangleSelection({ keys: ['a'], anchor: 'a', leader: 'a' }, touched, false);
    expect(s).toMatchObject({ keys: ['b', 'e'], leader: 'b' });
    s = rectangleSelection({ keys: ['a'], anchor: 'a', leader: 'a' }, touched, true);
    expect(s).toMatchObject({ keys: ['a', 'b', 'e'], leader: 'a' });
  });
});

describe('follower mapping', () => {
  it('keeps the relative position on screens of other resolutions and shapes', () => {
    expect(mapCoordinate(0, 540, 1080)).toBe(1);
    expect(mapCoordinate(539, 540, 1080)).toBe(1079);
    expect(mapCoordinate(269, 540, 720)).toBe(359);
    const tap: Input = { kind: 'touch', action: 'down', pointerId: 0, x: 120, y: 400, frameWidth: 240, frameHeight: 534 };
    const mapped = mapInputForFollower(tap, { width: 1080, height: 2340 });
    expect(mapped).toEqual({ ok: true, input: { ...tap, x: 542, y: 1755, frameWidth: 1080, frameHeight: 2340 } });
  });

  it('maps both ends of a swipe and the point of a scroll; keys and buttons pass unchanged', () => {
    const swipe: Input = { kind: 'swipe', x: 100, y: 900, toX: 100, toY: 100, frameWidth: 200, frameHeight: 1000, durationMs: 300 };
    const mapped = mapInputForFollower(swipe, { width: 720, height: 1600 });
    expect(mapped.ok && mapped.input).toMatchObject({ x: 361, y: 1440, toX: 361, toY: 160, frameWidth: 720, frameHeight: 1600, durationMs: 300 });
    const scroll: Input = { kind: 'scroll', x: 0, y: 999, dx: 0, dy: -1, frameWidth: 200, frameHeight: 1000 };
    expect(mapInputForFollower(scroll, { width: 720, height: 1600 })).toMatchObject({ ok: true, input: { x: 1, y: 1599, dy: -1 } });
    const key: Input = { kind: 'key', action: 'press', key: 'enter' };
    expect(mapInputForFollower(key, { width: 0, height: 0 })).toEqual({ ok: true, input: key });
  });

  it('refuses to guess a position on a phone whose size is unknown', () => {
    const tap: Input = { kind: 'tap', x: 1, y: 1, frameWidth: 10, frameHeight: 10 };
    expect(mapInputForFollower(tap, { width: 0, height: 0 })).toEqual({ ok: false, reason: 'sizeUnknown' });
  });
});

describe('aspect rule', () => {
  it('warns above 2 % difference, not below; orientation and unknown sizes do not count', () => {
    expect(checkAspects([{ width: 720, height: 1600 }, { width: 1080, height: 2400 }, { width: 540, height: 1200 }]).differs).toBe(false);
    expect(checkAspects([{ width: 1080, height: 2400 }, { width: 1080, height: 2340 }])).toMatchObject({ differs: true });
    expect(checkAspects([{ width: 1080, height: 2400 }, { width: 1080, height: 2376 }]).differs).toBe(false);
    expect(checkAspects([{ width: 1080, height: 2400 }, { width: 2400, height: 1080 }, { width: 0, height: 0 }]).differs).toBe(false);
    expect(checkAspects([{ width: 1080, height: 1920 }, { width: 1080, height: 2400 }]).spread).toBeCloseTo(0.25, 5);
  });
});

describe('follower queues', () => {
  function deferred() {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  }

  it('keeps each follower in order, lets a slow one lag alone, and stops a failed one while the others go on', async () => {
    const done: Record<string, number[]> = { fast: [], slow: [], bad: [] };
    const failures: [string, string][] = [];
    const queues = new FollowerQueues({ onFailed: (key, reason) => failures.push([key, reason]), reasonOf: (error) => (error as Error).message });
    const gate = deferred();
    for (let step = 1; step <= 5; step++) {
      queues.enqueue('fast', async () => void done.fast!.push(step));
      queues.enqueue('slow', async () => {
        if (step === 1) await gate.promise;
        done.slow!.push(step);
      });
      queues.enqueue('bad', async () => {
        if (step === 3) throw new Error('device_offline');
        done.bad!.push(step);
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done.fast).toEqual([1, 2, 3, 4, 5]);
    expect(done.slow).toEqual([]);
    expect(done.bad).toEqual([1, 2]);
    expect(failures).toEqual([['bad', 'device_offline']]);
    expect(queues.enqueue('bad', async () => void done.bad!.push(6))).toBe(false);
    gate.resolve();
    await queues.idle();
    expect(done.slow).toEqual([1, 2, 3, 4, 5]);
    queues.reinclude('bad');
    expect(queues.enqueue('bad', async () => void done.bad!.push(7))).toBe(true);
    await queues.idle();
    expect(done.bad).toEqual([1, 2, 7]);
    expect(failures).toHaveLength(1);
  });

  it('counts a follower that falls too far behind as failed', async () => {
    const failures: string[] = [];
    const queues = new FollowerQueues({ onFailed: (_key, reason) => failures.push(reason), reasonOf: () => 'x', maxPending: 3 });
    const gate = deferred();
    const accepted = [1, 2, 3, 4, 5].map(() => queues.enqueue('p', () => gate.promise));
    expect(accepted).toEqual([true, true, true, false, false]);
    expect(failures).toEqual(['backlog']);
    gate.resolve();
    await queues.idle();
  });
});

describe('group state in the store', () => {
  function storeWithPhones(keys: string[]) {
    const store = createAppStore();
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
    expect(selectGroupMembers(store.getState())).toEqual(['box/p3']);
    expect(selectFollowers(store.getState())).toEqual([]);
    store.getState().clearSelection();
    expect(store.getState().groupKeys).toEqual(['box/p3']);
  });
});
