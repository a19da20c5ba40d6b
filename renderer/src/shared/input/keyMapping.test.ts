// PC keys and mouse buttons → Android keys, typed text or nothing.
import { describe, expect, it } from 'vitest';
import { keyAction, mouseButtonAction } from './keyMapping.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean; isComposing: boolean }> = {}) => ({
  key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods,
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
