// Gesture rules: tap vs long press by the injected clock, drags past the slop, other pointers ignored.
import { describe, expect, it } from 'vitest';
import { TouchAction } from '../types.ts';
import { GestureTracker, LONG_PRESS_MS } from './gestureTracker.ts';

describe('GestureTracker', () => {
  it('reports a tap for a short press and a long press at the threshold', () => {
    const g = new GestureTracker(10);
    expect(g.handle(TouchAction.Down, 50, 60, 0n, 1000)).toEqual([]);
    expect(g.handle(TouchAction.Move, 53, 62, 0n, 1100)).toEqual([]);
    expect(g.handle(TouchAction.Up, 53, 62, 0n, 1200)).toEqual([{ type: 'tap', x: 50, y: 60 }]);
    g.handle(TouchAction.Down, 5, 6, 0n, 2000);
    expect(g.handle(TouchAction.Up, 5, 6, 0n, 2000 + LONG_PRESS_MS)).toEqual([{ type: 'longPress', x: 5, y: 6 }]);
  });

  it('turns movement past the slop into a drag with deltas from the down point', () => {
    const g = new GestureTracker(10);
    g.handle(TouchAction.Down, 100, 500, 0n, 0);
    expect(g.handle(TouchAction.Move, 100, 480, 0n, 10)).toEqual([
      { type: 'dragStart', x: 100, y: 500 },
      { type: 'drag', x: 100, y: 480, dx: 0, dy: -20 },
    ]);
    expect(g.handle(TouchAction.Up, 100, 400, 0n, 2000)).toEqual([{ type: 'drag', x: 100, y: 400, dx: 0, dy: -100 }, { type: 'dragEnd' }]);
    expect(g.active).toBe(false);
  });

  it('ignores other pointers and stray ups, and cancels cleanly', () => {
    const g = new GestureTracker(10);
    expect(g.handle(TouchAction.Up, 1, 1, 0n, 0)).toEqual([]);
    g.handle(TouchAction.Down, 10, 10, 0xffffffffffffffffn, 0);
    expect(g.handle(TouchAction.Down, 90, 90, 2n, 5)).toEqual([]);
    expect(g.handle(TouchAction.Up, 90, 90, 2n, 6)).toEqual([]);
    expect(g.handle(TouchAction.Cancel, 10, 10, 0xffffffffffffffffn, 7)).toEqual([]);
    expect(g.handle(TouchAction.Up, 10, 10, 0xffffffffffffffffn, 8)).toEqual([]);
    expect(g.handle(9, 10, 10, 0n, 9)).toEqual([]);
  });
});
