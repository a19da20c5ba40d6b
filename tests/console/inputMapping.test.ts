import { describe, expect, it } from 'vitest';
import { clientToFrame, containRect } from '../../renderer/src/shared/input/coordinateMapping.ts';
import { keyAction, mouseButtonAction } from '../../renderer/src/shared/input/keyMapping.ts';
import { coalesceText, splitTextForPhone } from '../../renderer/src/shared/input/textSplitting.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; isComposing: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods,
});

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

describe('key mapping', () => {
  it('maps special keys to Android key names', () => {
    expect(keyAction(key('Enter'))).toEqual({ kind: 'key', key: 'enter' });
    expect(keyAction(key('Backspace'))).toEqual({ kind: 'key', key: 'del' });
    expect(keyAction(key('Delete'))).toEqual({ kind: 'key', key: 'forward_del' });
    expect(keyAction(key('Escape'))).toEqual({ kind: 'key', key: 'back' });
    expect(keyAction(key('Tab'))).toEqual({ kind: 'key', key: 'tab' });
    expect(keyAction(key('ArrowLeft'))).toEqual({ kind: 'key', key: 'left' });
    expect(keyAction(key('ArrowDown'))).toEqual({ kind: 'key', key: 'down' });
  });

  it('leaves printable characters to the text path and Ctrl/Cmd+V to paste', () => {
    expect(keyAction(key('a'))).toEqual({ kind: 'text' });
    expect(keyAction(key(' '))).toEqual({ kind: 'text' });
    expect(keyAction(key('你'))).toEqual({ kind: 'text' });
    expect(keyAction(key('v', { ctrlKey: true }))).toEqual({ kind: 'paste' });
    expect(keyAction(key('V', { metaKey: true }))).toEqual({ kind: 'paste' });
    expect(keyAction(key('c', { ctrlKey: true }))).toEqual({ kind: 'ignore' });
    expect(keyAction(key('F5'))).toEqual({ kind: 'ignore' });
  });

  it('gives Enter and Backspace to the IME while it composes', () => {
    expect(keyAction(key('Enter', { isComposing: true }))).toEqual({ kind: 'ignore' });
    expect(keyAction(key('Process'))).toEqual({ kind: 'ignore' });
  });

  it('maps mouse buttons like scrcpy', () => {
    expect(mouseButtonAction(0)).toBe('touch');
    expect(mouseButtonAction(1)).toBe('home');
    expect(mouseButtonAction(2)).toBe('back');
    expect(mouseButtonAction(3)).toBeNull();
  });
});

describe('text splitting', () => {
  it('keeps short text whole and normalises line endings', () => {
    expect(splitTextForPhone('你好\r\nok')).toEqual(['你好\nok']);
    expect(splitTextForPhone('')).toEqual([]);
  });

  it('splits long text under the limit without cutting a surrogate pair', () => {
    const text = 'a' + '😀'.repeat(5);
    const chunks = splitTextForPhone(text, 4);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(4);
      expect(/[\uD800-\uDBFF]$/.test(chunk)).toBe(false);
    }
  });

  it('coalesces pending pieces in order', () => {
    expect(coalesceText(['你好，', '欢迎光临', 'ok 123'], 5000)).toEqual(['你好，欢迎光临ok 123']);
  });
});
