import { describe, expect, it } from 'vitest';
import { InputSchema } from '../protocol/controlInput.ts';
import { mapInput, mapPoint } from './inputMapper.ts';

const grid = { width: 216, height: 480 };

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

describe('mapInput', () => {
  it('maps touches straight to Tango touch messages with the session size, pressure and pointer id', () => {
    expect(mapInput({ kind: 'touch', action: 'up', pointerId: 7, x: 100, y: 200, frameWidth: 216, frameHeight: 480 }, grid)).toEqual([
      { op: 'touch', message: { action: 1, pointerId: 7n, pointerX: 100, pointerY: 200, videoWidth: 216, videoHeight: 480, pressure: 0, actionButton: 0, buttons: 0 } },
    ]);
  });

  it('turns back/home/recents and key presses into down+up pairs', () => {
    const codes = (input: Parameters<typeof mapInput>[0]) => mapInput(input, grid).map((step) => (step.op === 'key' ? `${step.message.action}:${step.message.keyCode}` : step.op));
    expect(codes({ kind: 'back' })).toEqual(['0:4', '1:4']);
    expect(codes({ kind: 'home' })).toEqual(['0:3', '1:3']);
    expect(codes({ kind: 'recents' })).toEqual(['0:187', '1:187']);
    expect(codes({ kind: 'key', action: 'down', key: 66 })).toEqual(['0:66']);
    expect(codes({ kind: 'key', action: 'press', key: 'enter' })).toEqual(['0:66', '1:66']);
  });

  it('expands a long press and a swipe into touches with pauses, ending where they should', () => {
    const tap = mapInput({ kind: 'tap', x: 10, y: 20, frameWidth: 216, frameHeight: 480, holdMs: 600 }, grid);
    expect(tap.map((step) => step.op)).toEqual(['touch', 'wait', 'touch']);
    expect(tap[1]).toEqual({ op: 'wait', ms: 600 });
    const swipe = mapInput({ kind: 'swipe', x: 0, y: 400, toX: 0, toY: 100, frameWidth: 216, frameHeight: 480, durationMs: 200, steps: 4 }, grid);
    expect(swipe.filter((step) => step.op === 'wait')).toEqual(Array.from({ length: 4 }, () => ({ op: 'wait', ms: 50 })));
    const last = swipe.at(-1);
    expect(last?.op === 'touch' && [last.message.action, last.message.pointerY]).toEqual([1, 100]);
  });

  it('refuses a frame of the other orientation with bad_request', () => {
    expect(() => mapInput({ kind: 'tap', x: 10, y: 10, frameWidth: 480, frameHeight: 216 }, grid)).toThrow(expect.objectContaining({ code: 'bad_request' }));
  });
});

describe('the protocol is the one place input is validated', () => {
  it('refuses malformed inputs with a reason', () => {
    const bad = [
      null,
      'tap',
      { kind: 'nope' },
      { kind: 'touch', action: 'down', pointerId: 0, x: Number.NaN, y: 1, frameWidth: 10, frameHeight: 10 },
      { kind: 'touch', action: 'press', pointerId: 0, x: 1, y: 1, frameWidth: 10, frameHeight: 10 },
      { kind: 'touch', action: 'down', pointerId: -1, x: 1, y: 1, frameWidth: 10, frameHeight: 10 },
      { kind: 'touch', action: 'down', pointerId: 0, x: 1, y: 1, frameWidth: 0, frameHeight: 10 },
      { kind: 'key', action: 'press', key: 99_999 },
      { kind: 'scroll', x: 1, y: 1, frameWidth: 10, frameHeight: 10, dx: 100, dy: 0 },
      { kind: 'startApp', name: '' },
      { kind: 'startApp', name: 'a'.repeat(256) },
      { kind: 'startApp', name: '微'.repeat(100) },
      { kind: 'startApp', name: 'com.x\u0000' },
      { kind: 'resetVideo', profile: 'huge' },
    ];
    for (const input of bad) {
      const result = InputSchema.safeParse(input);
      expect(result.success, JSON.stringify(input)).toBe(false);
      if (!result.success) expect(result.error.issues[0]?.message.length).toBeGreaterThan(0);
    }
    expect(InputSchema.safeParse({ kind: 'key', action: 'press', key: 66 }).success).toBe(true);
  });
});
