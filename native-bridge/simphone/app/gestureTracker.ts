// Turns raw touch events of the first pointer into gestures: tap, long press, and drags that scroll.
import { TouchAction } from '../types.ts';

export const LONG_PRESS_MS = 500;

export type Gesture =
  | { type: 'tap'; x: number; y: number }
  | { type: 'longPress'; x: number; y: number }
  | { type: 'dragStart'; x: number; y: number }
  | { type: 'drag'; x: number; y: number; dx: number; dy: number }
  | { type: 'dragEnd' };

interface Pointer {
  id: bigint;
  downX: number;
  downY: number;
  downAt: number;
  dragging: boolean;
}

/**
 * Tracks one pointer (the first that went down); others are ignored until it lifts, like a single-touch app.
 * `slop` is the distance in pixels a finger may wander before a press becomes a drag.
 */
export class GestureTracker {
  private pointer: Pointer | null = null;

  constructor(private readonly slop: number) {}

  get active(): boolean {
    return this.pointer !== null;
  }

  handle(action: number, x: number, y: number, pointerId: bigint, at: number): Gesture[] {
    const p = this.pointer;
    if (action === TouchAction.Down) {
      if (p !== null && p.id !== pointerId) return [];
      this.pointer = { id: pointerId, downX: x, downY: y, downAt: at, dragging: false };
      return [];
    }
    if (p === null || p.id !== pointerId) return [];
    const dx = x - p.downX;
    const dy = y - p.downY;
    if (action === TouchAction.Move) {
      if (!p.dragging && Math.hypot(dx, dy) > this.slop) {
        p.dragging = true;
        return [{ type: 'dragStart', x: p.downX, y: p.downY }, { type: 'drag', x, y, dx, dy }];
      }
      return p.dragging ? [{ type: 'drag', x, y, dx, dy }] : [];
    }
    if (action === TouchAction.Up) {
      this.pointer = null;
      if (p.dragging) return [{ type: 'drag', x, y, dx, dy }, { type: 'dragEnd' }];
      if (Math.hypot(dx, dy) > this.slop) return [{ type: 'dragStart', x: p.downX, y: p.downY }, { type: 'drag', x, y, dx, dy }, { type: 'dragEnd' }];
      const held = at - p.downAt;
      return [{ type: held >= LONG_PRESS_MS ? 'longPress' : 'tap', x: p.downX, y: p.downY }];
    }
    if (action === TouchAction.Cancel) {
      this.pointer = null;
      return p.dragging ? [{ type: 'dragEnd' }] : [];
    }
    return [];
  }
}
