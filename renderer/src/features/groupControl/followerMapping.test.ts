// A leader's input mapped onto followers' screens of other sizes and shapes.
import { describe, expect, it } from 'vitest';
import type { Input } from '../../../../native-bridge/protocol/controlInput.ts';
import { mapCoordinate, mapInputForFollower } from './followerMapping.ts';

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
