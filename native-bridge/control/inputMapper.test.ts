import { describe, expect, it } from 'vitest';
import { mapControlInput, mapPoint, parseControlInput } from './inputMapper.ts';

const grid = { width: 216, height: 480 };

describe('parseControlInput', () => {
  it('accepts well-formed inputs and refuses malformed ones with a reason', () => {
    expect(parseControlInput({ kind: 'touch', action: 'down', pointerId: 0, x: 10, y: 20, frameWidth: 576, frameHeight: 1280 }).ok).toBe(true);
    expect(parseControlInput({ kind: 'key', action: 'press', keycode: 66 }).ok).toBe(true);
    const bad = [
      null,
      'tap',
      { kind: 'nope' },
      { kind: 'touch', action: 'down', pointerId: 0, x: Number.NaN, y: 1, frameWidth: 10, frameHeight: 10 },
      { kind: 'touch', action: 'press', pointerId: 0, x: 1, y: 1, frameWidth: 10, frameHeight: 10 },
      { kind: 'touch', action: 'down', pointerId: -1, x: 1, y: 1, frameWidth: 10, frameHeight: 10 },
      { kind: 'touch', action: 'down', pointerId: 0, x: 1, y: 1, frameWidth: 0, frameHeight: 10 },
      { kind: 'key', action: 'press', keycode: 99_999 },
      { kind: 'scroll', x: 1, y: 1, frameWidth: 10, frameHeight: 10, dx: 100, dy: 0 },
      { kind: 'startApp', name: '' },
      { kind: 'startApp', name: 'a'.repeat(256) },
      { kind: 'startApp', name: 'com.x\u0000' },
      { kind: 'resetVideo', profile: 'huge' },
    ];
    for (const input of bad) {
      const result = parseControlInput(input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
    }
  });
});

describe('mapPoint', () => {
  it('scales from the frame the client saw to the control video', () => {
    expect(mapPoint({ x: 288, y: 640, frameWidth: 576, frameHeight: 1280 }, grid)).toEqual({ ok: true, x: 108, y: 240 });
    expect(mapPoint({ x: 575.9, y: 1279.9, frameWidth: 576, frameHeight: 1280 }, grid)).toEqual({ ok: true, x: 215, y: 479 });
  });

  it('refuses positions outside the frame and frames of the other orientation', () => {
    expect(mapPoint({ x: 576, y: 0, frameWidth: 576, frameHeight: 1280 }, grid).ok).toBe(false);
    expect(mapPoint({ x: -1, y: 0, frameWidth: 576, frameHeight: 1280 }, grid).ok).toBe(false);
    expect(mapPoint({ x: 10, y: 10, frameWidth: 1280, frameHeight: 576 }, grid).ok).toBe(false);
    expect(mapPoint({ x: 10, y: 10, frameWidth: 100, frameHeight: 200 }, { width: 0, height: 0 }).ok).toBe(false);
  });
});

describe('mapControlInput', () => {
  it('maps touches with the session size, pressure and pointer id', () => {
    const result = mapControlInput({ kind: 'touch', action: 'up', pointerId: 7, x: 100, y: 200, frameWidth: 216, frameHeight: 480 }, grid);
    expect(result).toEqual({
      ok: true,
      commands: [{ op: 'touch', action: 1, pointerId: 7n, x: 100, y: 200, videoWidth: 216, videoHeight: 480, pressure: 0 }],
    });
  });

  it('turns back/home/recents and key presses into down+up pairs', () => {
    const codes = (input: Parameters<typeof mapControlInput>[0]) => {
      const result = mapControlInput(input, grid);
      return result.ok ? result.commands.map((c) => (c.op === 'key' ? `${c.action}:${c.keycode}` : c.op)) : result.message;
    };
    expect(codes({ kind: 'back' })).toEqual(['0:4', '1:4']);
    expect(codes({ kind: 'home' })).toEqual(['0:3', '1:3']);
    expect(codes({ kind: 'recents' })).toEqual(['0:187', '1:187']);
    expect(codes({ kind: 'key', action: 'down', keycode: 66 })).toEqual(['0:66']);
    expect(codes({ kind: 'key', action: 'press', keycode: 123_456 })).toMatch(/unknown/);
  });
});
