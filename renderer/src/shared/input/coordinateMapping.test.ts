// Pointer positions on a tile → frame pixels, letterboxed like the drawing.
import { describe, expect, it } from 'vitest';
import { clientToFrame, containRect } from './coordinateMapping.ts';

describe('coordinate mapping with letterboxing', () => {
  it('fits a tall frame into a wider box with side bars', () => {
    expect(containRect({ width: 200, height: 400 }, 480, 1072)).toEqual({ left: expect.closeTo(10.45, 1), top: 0, width: expect.closeTo(179.1, 1), height: 400 });
  });

  it('fits a landscape frame into a tall box with top and bottom bars', () => {
    const rect = containRect({ width: 200, height: 400 }, 1072, 480);
    expect(rect.width).toBe(200);
    expect(rect.top).toBeCloseTo((400 - 200 * (480 / 1072)) / 2, 5);
  });

  it('maps client points into frame pixels, offset by the element position', () => {
    const element = { left: 100, top: 50, width: 240, height: 536 };
    expect(clientToFrame(element, 480, 1072, 100, 50)).toEqual({ x: 0, y: 0, frameWidth: 480, frameHeight: 1072 });
    expect(clientToFrame(element, 480, 1072, 220, 318)).toEqual({ x: 240, y: 536, frameWidth: 480, frameHeight: 1072 });
    expect(clientToFrame(element, 480, 1072, 339.99, 585.99)).toEqual({ x: 479, y: 1071, frameWidth: 480, frameHeight: 1072 });
  });

  it('refuses points in the bars unless clamping a drag', () => {
    const element = { left: 0, top: 0, width: 300, height: 400 };
    const picture = containRect(element, 480, 1072);
    expect(clientToFrame(element, 480, 1072, picture.left / 2, 200)).toBeNull();
    expect(clientToFrame(element, 480, 1072, picture.left / 2, 200, true)).toEqual({ x: 0, y: 536, frameWidth: 480, frameHeight: 1072 });
    expect(clientToFrame(element, 480, 1072, 1000, 1000, true)).toEqual({ x: 479, y: 1071, frameWidth: 480, frameHeight: 1072 });
  });

  it('returns null before a frame size is known', () => {
    expect(clientToFrame({ left: 0, top: 0, width: 100, height: 100 }, 0, 0, 10, 10)).toBeNull();
  });
});
