// Selection gestures: click, Ctrl/Cmd-click, Shift ranges, select all and rectangles over tiles in wall order.
import { describe, expect, it } from 'vitest';
import { clickSelection, emptySelection, rectangleSelection, rectFromPoints, selectAllVisible, tilesInRect } from './selection.ts';

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
