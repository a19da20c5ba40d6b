// Text editing rules: what INJECT_TEXT can type, caret-aware insert and code-point-aware delete.
import { describe, expect, it } from 'vitest';
import { deleteBackward, deleteForward, insertText, keyableText, moveCaret } from './textInput.ts';
import { parseJobId, keyChar } from './appActions.ts';

describe('textInput', () => {
  it('keeps printable ASCII, newline and tab; drops CJK and emoji', () => {
    expect(keyableText('Hi 你好 there!😀\n\t~')).toBe('Hi  there!\n\t~');
    expect(keyableText('\u0007é')).toBe('');
  });

  it('inserts at the caret and moves it past the insertion', () => {
    expect(insertText({ text: 'ad', caret: 1 }, 'bc')).toEqual({ text: 'abcd', caret: 3 });
    expect(insertText({ text: 'ab', caret: 99 }, '你')).toEqual({ text: 'ab你', caret: 3 });
  });

  it('deletes whole code points in both directions', () => {
    expect(deleteBackward({ text: 'a😀', caret: 3 })).toEqual({ text: 'a', caret: 1 });
    expect(deleteBackward({ text: 'ab', caret: 0 })).toEqual({ text: 'ab', caret: 0 });
    expect(deleteForward({ text: '😀b', caret: 0 })).toEqual({ text: 'b', caret: 0 });
    expect(moveCaret({ text: 'a😀', caret: 3 }, -1)).toEqual({ text: 'a😀', caret: 1 });
    expect(moveCaret({ text: 'a😀', caret: 1 }, 1)).toEqual({ text: 'a😀', caret: 3 });
  });

  it('parses the job marker and maps letter keys with shift', () => {
    expect(parseJobId('新品 #job:2026-11-22_a.b 快来')).toBe('2026-11-22_a.b');
    expect(parseJobId('no marker')).toBeNull();
    expect(keyChar(29, 0)).toBe('a');
    expect(keyChar(54, 1)).toBe('Z');
    expect(keyChar(7, 0)).toBe('0');
    expect(keyChar(66, 0)).toBeNull();
  });
});
